export { rateLimit, type RateLimitOptions } from './rate-limit';
export { byClientAddress, byEmailField } from './rate-limit-keys';
export { publicWriteLimits, type LimitConfig } from './public-write-limits';
