export { SplitButton, SplitStanding } from './SplitButton';
export { SplitDialogHost } from './SplitDialog';
export { useSplitTexts } from './split-strings';
