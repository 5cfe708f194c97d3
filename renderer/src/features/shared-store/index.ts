export { SharedStoreBadge } from './SharedStoreBadge';
export { SharedStorePanel } from './SharedStorePanel';
