export { Receipt, ReceiptScreen } from './ReceiptScreen';
export { safeHttpUrl } from './safe-url';
