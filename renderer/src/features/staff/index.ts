export { SetupScreen } from './SetupScreen';
export { SignInScreen } from './SignInScreen';
export { TillBadge } from './TillBadge';
export { StaffPanel } from './StaffPanel';
export { TrainingManagerNotice } from './TrainingManagerNotice';
export { UnlockDialog } from './UnlockDialog';
export { callAsManager, selectManagerName, selectTillName, useStaff } from './staff-store';
export { useStaffStrings } from './staff-strings';
export { useManagerData } from './use-manager-data';
