export { createRuntime, type Runtime } from './create-runtime';
export { runUntilSignal } from './run-until-signal';
