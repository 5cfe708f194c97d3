export { OnlyThisRegister } from './OnlyThisRegister';
export { SharedStoreBadge } from './SharedStoreBadge';
export { SharedStorePanel } from './SharedStorePanel';
