export { ProductTable } from './dist/index.js';
