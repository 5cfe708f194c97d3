export { CallControls } from './CallControls';
