export * from './errors';
export * from './vocabulary';
export * from './municipalities';
export { normaliseEmail } from './normalise-email';
export { textProblem, assertCleanText } from './text-rules';
export { wallClockOf, instantOfWallClock } from './wall-clock';
