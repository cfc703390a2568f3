import express, { type Express, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { logSafePath } from './log-safe-path';
import { errorHandler, notFoundHandler, sendProblem } from './problem';
import { requestIdOf } from './request-id';
import { documentHealthRoutes } from './openapi/health-routes';

export type ReadinessCheck = { name: string; check: () => Promise<void> };

export type HttpAppOptions = {
  logger: Logger;
  bodyLimit?: string;
  readiness?: ReadinessCheck[];
  /** Mounted in order, each at its own path prefix. */
  mounts: { path: string; router: Router | Express }[];
  /** express `trust proxy`: who may set X-Forwarded-For (config TRUST_PROXY). */
  trustProxy?: boolean | number | string | string[];
  /** Run first for every request, before logging and body parsing (e.g. `httpMetrics()`). */
  before?: RequestHandler[];
};

/**
 * The shell every service shares: request ids, JSON logs, security headers, bounded bodies,
 * health endpoints, and problem+json for every error including unknown routes.
 */
export function createHttpApp(opts: HttpAppOptions): Express {
  documentHealthRoutes();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? 'loopback');
  for (const mw of opts.before ?? []) app.use(mw);
  app.use(
    pinoHttp({
      logger: opts.logger,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Paths carry tokens (manage links, feeds, newsletter links); log the route shape, not
      // the URL. Answers only by status: a Location or Set-Cookie header carries tokens too.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: logSafePath(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"] },
      },
    }),
  );
  app.use(express.json({ limit: opts.bodyLimit ?? '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: opts.bodyLimit ?? '100kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      (opts.readiness ?? []).map(async (r) => {
        try {
          await withTimeout(r.check(), 2_000);
          return { name: r.name, ok: true as const };
        } catch (err) {
          return { name: r.name, ok: false as const, error: (err as Error).message };
        }
      }),
    );
    const down = results.filter((r) => !r.ok);
    if (down.length === 0) {
      res.json({ status: 'ready', checks: results });
    } else {
      sendProblem(res, {
        status: 503,
        detail: `Nicht erreichbar: ${down.map((d) => d.name).join(', ')}`,
        errors: down.map((d) => ({ field: d.name, message: d.error ?? 'down' })),
      });
    }
  });

  for (const m of opts.mounts) app.use(m.path, m.router);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
