export { Receipt, ReceiptScreen } from './ReceiptScreen';
