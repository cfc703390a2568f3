export { createRuntime, type Runtime } from './create-runtime';
export { runUntilSignal } from './run-until-signal';
export { httpOptionsOf } from './http-options-of';
