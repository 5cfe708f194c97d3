export { OwnerForm } from './OwnerForm';
export { StaffPanel } from './StaffPanel';
export { TrainingManagerNotice } from './TrainingManagerNotice';
export { TrainingQuickStart } from './TrainingQuickStart';
export { UnlockDialog } from './UnlockDialog';
export { callAsManager, selectManagerName, useStaff } from './staff-store';
export { useStaffStrings } from './staff-strings';
export { useManagerData } from './use-manager-data';
