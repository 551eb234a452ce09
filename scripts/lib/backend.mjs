// How the scripts start the backend (`npm start`, the benchmarks' second instance, the API
// fuzzing): the built entry, on the same Node as the script, with the V8 options below.
// The container image (infra/deploy/backend.Dockerfile) and the crash test start it the same way.

export const BACKEND_ENTRY = 'backend/dist/main.js';

/**
 * Without allocation-site pretenuring: V8 learns, from objects that happen to be alive at a
 * young-generation collection, to allocate whole allocation sites (Node's own HTTP headers
 * among them) straight in the old generation, where a request's short-lived objects then
 * pile up until a full collection. Under a voting night's casts that doubled the time spent
 * in young-generation collections (pauses of 20 to 50 ms), and those pauses set the
 * latency's tail (docs/performance.md, 2026-12-03).
 */
export const BACKEND_NODE_OPTIONS = ['--no-allocation-site-pretenuring'];
