import { useMemo } from 'react';
import { qrPath } from './qr-path';

/** A QR code drawn as one SVG path: crisp at any print resolution, and no image source for the CSP to allow. */
export function QrCode({ text, sizeMm, label }: { text: string; sizeMm: number; label: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="paper-qr"
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid="paper-qr"
      data-qr-text={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
