export { CallControls } from './CallControls';
export { OrderTicketPrint } from './OrderTicketPrint';
export { TicketPanel } from './TicketPanel';
