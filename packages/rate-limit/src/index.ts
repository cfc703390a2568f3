export { rateLimit, type RateLimitOptions } from './rate-limit';
export {
  byClientAddress,
  byEmailField,
  byEmailFieldAndClient,
  clientKeyOf,
  limitAddressOf,
} from './rate-limit-keys';
export { publicWriteLimits, type LimitConfig } from './public-write-limits';
