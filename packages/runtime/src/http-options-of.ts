import type { HttpAppOptions } from '@qn/http';
import type { Runtime } from './create-runtime';

/**
 * The parts of the HTTP shell every service takes from its runtime, so that a setting such as
 * TRUST_PROXY reaches the split services and the all-in-one alike.
 */
export function httpOptionsOf(rt: Runtime): Omit<HttpAppOptions, 'mounts'> {
  return {
    logger: rt.logger,
    bodyLimit: rt.config.BODY_LIMIT,
    readiness: rt.readiness,
    trustProxy: rt.config.TRUST_PROXY,
  };
}
