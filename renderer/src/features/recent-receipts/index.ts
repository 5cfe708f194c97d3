export { RecentReceiptsButton } from './RecentReceiptsButton';
