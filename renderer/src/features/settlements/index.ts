export { SettlementNotice } from './SettlementNotice';
