export { DrawerScreen } from './DrawerScreen';
export { DrawerShiftsTable } from './DrawerShiftsTable';
export { DrawerStatus } from './DrawerStatus';
export { useDrawerTexts } from './drawer-strings';
