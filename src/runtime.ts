// Parley's parts built from the config, all in one place for the tests (they start them on
// ephemeral ports): the shared runtime (runtime-core.ts), the API (runtime-api.ts) and the workers
// (runtime-workers.ts). `main.ts` imports the halves separately, so each process kind loads only
// what it runs.
export { createRuntime, type Runtime } from './runtime-core.ts';
export { startApi, type ApiServer } from './runtime-api.ts';
export { startWorkerSet } from './runtime-workers.ts';
