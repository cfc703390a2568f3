import type { Express, RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { createHttpApp, type HttpAppOptions } from '@qn/http';
import { createMetricsRouter, httpMetrics } from '@qn/metrics';
import type { Runtime } from './create-runtime';

export type ServiceAppOptions = {
  /** Run after the request-duration metric, before logging and body parsing. */
  before?: RequestHandler[];
  /** Add the per-queue job gauges to /metrics: one process per installation (ops, all-in-one). */
  queueMetrics?: boolean;
  /** Further installation-wide series for /metrics, read at scrape time (same processes). */
  metrics?: Registry[];
};

/**
 * The HTTP shell of every service process, from its runtime: so TRUST_PROXY, the body limit,
 * readiness checks and a token-protected /metrics reach the split services and the
 * all-in-one alike.
 */
export function createServiceApp(
  rt: Runtime,
  mounts: HttpAppOptions['mounts'],
  opts: ServiceAppOptions = {},
): Express {
  return createHttpApp({
    logger: rt.logger,
    bodyLimit: rt.config.BODY_LIMIT,
    readiness: rt.readiness,
    trustProxy: rt.config.TRUST_PROXY,
    before: [httpMetrics(), ...(opts.before ?? [])],
    mounts: [
      {
        path: '/metrics',
        router: createMetricsRouter({
          config: rt.config,
          producer: opts.queueMetrics ? rt.producer : undefined,
          registries: opts.metrics,
        }),
      },
      // A service mounted at `/` (web) comes after /metrics, so it cannot shadow it.
      ...mounts,
    ],
  });
}
