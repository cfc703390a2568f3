export { createRuntime, type Runtime } from './create-runtime';
export { runUntilSignal } from './run-until-signal';
export { createServiceApp, type ServiceAppOptions } from './create-service-app';
export { serveWorkerEndpoints } from './serve-worker-endpoints';
