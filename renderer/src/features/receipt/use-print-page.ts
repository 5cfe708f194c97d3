import { useEffect, useState, type RefObject } from 'react';
import type { PaperWidth, ReceiptPage } from '../../../../shared/domain/receipt-print';
import { pageFor, pageRule } from './print-page';

/**
 * The page the receipt in `paper` needs, kept up to date as it lays out (fonts arriving, the
 * language changing), and set as the document's `@page` while it is shown. A constructed style
 * sheet: the CSP allows no inline <style>, and the page's own CSS cannot know the length.
 */
export function usePrintPage(paper: RefObject<HTMLElement | null>, widthMm: PaperWidth): ReceiptPage | null {
  const [page, setPage] = useState<ReceiptPage | null>(null);

  useEffect(() => {
    const element = paper.current;
    if (element === null) return;
    const measure = () => {
      const next = pageFor(widthMm, element.getBoundingClientRect().height);
      setPage((current) => (current?.heightMm === next.heightMm && current.widthMm === next.widthMm ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [paper, widthMm]);

  useEffect(() => {
    if (page === null) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageRule(page));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [page]);

  return page;
}
