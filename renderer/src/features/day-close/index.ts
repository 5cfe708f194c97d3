export { DayCloseScreen } from './DayCloseScreen';
