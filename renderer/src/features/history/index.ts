export { HistoryScreen } from './HistoryScreen';
export { OrderDetail } from './OrderDetail';
