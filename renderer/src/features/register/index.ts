export { RegisterScreen } from './RegisterScreen';
export { initialCartState, useCart, type CartLine } from './cart-store';
export { draftInMain, keepDraftInMain, restoreRegister } from './register-draft';
