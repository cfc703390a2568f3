export { createSmokeRouter } from './create-smoke-router';
