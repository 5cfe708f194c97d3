export { RegisterScreen } from './RegisterScreen';
export { initialCartState, useCart, type CartLine } from './cart-store';
