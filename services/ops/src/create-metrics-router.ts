import { Router } from 'express';
import type { Config } from '@qn/config';
import type { Producer } from '@qn/queue';
import { sendProblem } from '@qn/http';
import { queueMetricsRegistry, scrapeMetrics } from '@qn/metrics';
import { bearerMatches } from './bearer-matches';

/**
 * `GET /metrics` for Prometheus. Not public: it needs `Authorization: Bearer <METRICS_TOKEN>`
 * (401 without), and does not exist at all (404) while no token is configured.
 */
export function createMetricsRouter(deps: { config: Config; producer: Producer }): Router {
  const router = Router();
  const queues = queueMetricsRegistry(deps.producer);
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
    const { contentType, body } = await scrapeMetrics([queues]);
    res.setHeader('Cache-Control', 'no-store');
    res.type(contentType).send(body);
  });
  return router;
}
