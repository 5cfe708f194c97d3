export { SettingsScreen } from './SettingsScreen';
export { StoreInfoFields, EMPTY_STORE } from './StoreInfoFields';
export { storeInfoProblems, type StoreDraft, type StoreField } from './store-info-form';
export { TossPanel } from './TossPanel';
