import encodeQR from 'qr';

/** The QR symbol for `text` as an SVG path of one-module squares, and its size in modules (quiet zone included). */
export function qrPath(text: string, quietZone = 2): { size: number; path: string } {
  // Medium correction: survives a smudge or a fold on thermal paper and keeps a Toss URL at version 5–6.
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: quietZone });
  const parts: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return { size: modules.length, path: parts.join('') };
}
