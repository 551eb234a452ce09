export { openMongoDbReadModelStore, type MongoDbReadModelStoreOptions } from './mongodb-read-model-store';
export { MongoDbUrlError } from './connection-string';
