export { createWebRouter } from './create-web-router';
export type { WebDeps } from './web-deps';
