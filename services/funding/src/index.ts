export { createFundingRouter } from './create-funding-router';
export type { FundingRouterDeps } from './deps';
