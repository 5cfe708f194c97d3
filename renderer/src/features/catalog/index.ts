export { CatalogScreen } from './CatalogScreen';
