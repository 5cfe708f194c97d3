export { ReceiptScreen } from './ReceiptScreen';
export { ReceiptPrinting } from './ReceiptPrinting';
export type { ReceiptSubject } from './receipt-model';
export { useReceiptStrings } from './receipt-strings';
export { safeHttpUrl } from './safe-url';
export { pageFor, pageRule } from './print-page';
