export * from './editions/edition';
export * from './events/catalog';
export * from './api/schemas';
export * from './api/problems';
