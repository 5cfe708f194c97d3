export { HeldControls } from './HeldControls';
