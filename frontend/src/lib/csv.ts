// The SPA's downloads and the backend's open data share one CSV writer, safe against formula injection.
export { csvField, csvText } from '@decidimos/contracts/api/csv';
