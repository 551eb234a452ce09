export { openSqliteReadModelStore } from './sqlite-read-model-store';
