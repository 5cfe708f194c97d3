export { RegisterScreen } from './RegisterScreen';
export { initialCartState, useCart, type CartLine } from './cart-store';
export { draftInMain, keepDraftInMain, restoreRegister } from './register-draft';
export { scanForNextSale } from './scan-handover';
export { useBarcodeScanner } from './use-barcode-scanner';
