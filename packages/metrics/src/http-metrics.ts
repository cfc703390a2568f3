import type { RequestHandler } from 'express';
import { Histogram } from 'prom-client';
import { processRegistry } from './process-registry';

let histogram: Histogram<'method' | 'route' | 'status'> | undefined;

function requestDuration(): Histogram<'method' | 'route' | 'status'> {
  histogram ??= new Histogram({
    name: 'qn_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [processRegistry()],
  });
  return histogram;
}

function joinRoute(base: string, path: unknown): string {
  const p = typeof path === 'string' ? path : String(path);
  const joined = `${base}${p === '/' && base ? '' : p}`;
  return joined || '/';
}

/**
 * Observes every request's duration labelled with its route *template* (`/api/x/:id`, never
 * the concrete URL, which would carry ids and tokens and make the label set unbounded).
 * Express sets `req.route` when a route matches; it is trapped at that moment because
 * `req.baseUrl` (the mount path) is only right while the matching router runs. Requests no
 * route matched are labelled `unmatched`.
 */
export function httpMetrics(): RequestHandler {
  const hist = requestDuration();
  return (req, res, next) => {
    const end = hist.startTimer();
    let template: string | undefined;
    let route: unknown;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set: (r: { path?: unknown } | undefined) => {
        route = r;
        if (r && r.path !== undefined) template = joinRoute(req.baseUrl, r.path);
      },
    });
    res.once('finish', () => {
      end({ method: req.method, route: template ?? 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}
