export { FirstProductHint } from './FirstProductHint';
export { FirstStartScreen } from './FirstStartScreen';
export { useFirstStart } from './first-start-store';
