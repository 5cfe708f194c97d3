export { RegisterScreen } from './RegisterScreen';
export { initialCartState, useCart, type CartLine } from './cart-store';
export { keepDraftInMain, restoreRegister } from './register-draft';
