import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { Config } from '@qn/config';
import type { Producer } from '@qn/queue';
import { documentRoute, sendProblem } from '@qn/http';
import { queueMetricsRegistry } from './queue-metrics';
import { scrapeMetrics } from './scrape';
import { bearerMatches } from './bearer-matches';

documentRoute({
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics of this process',
  description:
    'Request durations by route template and status, mails sent and failed by kind, Node process metrics; the ops process (and the all-in-one) adds jobs per queue and state. Every service process serves it on its port, every worker on METRICS_PORT. 404 while METRICS_TOKEN is unset.',
  tags: ['Betrieb'],
  auth: 'metrics-token',
  responses: {
    200: {
      description: 'Prometheus text exposition format',
      contentType: 'text/plain; version=0.0.4',
      example: 'qn_mails_sent_total{kind="smoke"} 1\n',
    },
  },
  errors: [401, 404],
});

/**
 * `GET /metrics` for Prometheus. Not public: it needs `Authorization: Bearer <METRICS_TOKEN>`
 * (401 without), and does not exist at all (404) while no token is configured. Queue gauges
 * read Redis, so they describe the whole installation: one process (ops) exports them, and
 * the others only their own counters, so no series is scraped twice.
 */
export function createMetricsRouter(deps: {
  config: Config;
  producer?: Producer;
  /** Installation-wide series read at scrape time (campaign progress), like the queue gauges. */
  registries?: Registry[];
}): Router {
  const router = Router();
  const extra = [...(deps.producer ? [queueMetricsRegistry(deps.producer)] : []), ...(deps.registries ?? [])];
  router.get('/', async (req, res) => {
    const token = deps.config.METRICS_TOKEN;
    if (!token) {
      sendProblem(res, { status: 404, detail: `Kein Endpunkt für GET ${req.originalUrl}.` });
      return;
    }
    if (!bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendProblem(res, { status: 401, detail: 'Für /metrics ist ein Bearer-Token nötig.' });
      return;
    }
    const { contentType, body } = await scrapeMetrics(extra);
    res.setHeader('Cache-Control', 'no-store');
    res.type(contentType).send(body);
  });
  return router;
}
