import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { isAppError, type AppErrorCode, type FieldIssue } from '@qn/domain';

/** RFC 9457 problem details. `errors` lists every offending field of a validation failure. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldIssue[];
};

const statusOf: Record<AppErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Ungültige Anfrage',
  401: 'Anmeldung erforderlich',
  403: 'Keine Berechtigung',
  404: 'Nicht gefunden',
  409: 'Konflikt',
  410: 'Nicht mehr verfügbar',
  413: 'Anfrage zu groß',
  415: 'Nicht unterstützter Inhaltstyp',
  422: 'Nicht verarbeitbar',
  429: 'Zu viele Anfragen',
  500: 'Interner Fehler',
  503: 'Dienst vorübergehend nicht verfügbar',
};

export function sendProblem(res: Response, p: Omit<Problem, 'type' | 'title'> & Partial<Problem>): void {
  const body: Problem = {
    type: p.type ?? `about:blank`,
    title: p.title ?? titles[p.status] ?? 'Fehler',
    ...p,
  };
  res.status(p.status).type('application/problem+json').send(JSON.stringify(body));
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, {
    status: 404,
    detail: `Kein Endpunkt für ${req.method} ${req.path}.`,
    instance: req.originalUrl,
  });
};

type BodyParserError = Error & { type?: string; status?: number; expose?: boolean };

/** The one place where errors become HTTP statuses. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (isAppError(err)) {
    if (err.details.retryAfterSeconds) res.setHeader('Retry-After', String(err.details.retryAfterSeconds));
    sendProblem(res, {
      status: statusOf[err.code],
      type: `https://quartiersnetz.example/problems/${err.code}`,
      detail: err.message,
      errors: err.details.fields,
      instance: req.originalUrl,
    });
    return;
  }
  const bp = err as BodyParserError;
  if (bp.type === 'entity.parse.failed') {
    sendProblem(res, {
      status: 400,
      detail: 'Der Anfragekörper ist kein gültiges JSON.',
      errors: [{ field: 'body', message: 'malformed JSON' }],
    });
    return;
  }
  if (bp.type === 'entity.too.large') {
    sendProblem(res, { status: 413, detail: 'Der Anfragekörper ist zu groß.' });
    return;
  }
  if (typeof bp.status === 'number' && bp.status >= 400 && bp.status < 500 && bp.expose) {
    sendProblem(res, { status: bp.status, detail: bp.message });
    return;
  }
  if (isDatabaseUnavailable(err) || isConnectionLost(err)) {
    req.log?.warn({ err: (err as Error).message }, 'dependency unavailable');
    res.setHeader('Retry-After', '5');
    sendProblem(res, { status: 503, detail: 'Ein benötigter Dienst ist vorübergehend nicht erreichbar.' });
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  sendProblem(res, { status: 500, detail: 'Ein unerwarteter Fehler ist aufgetreten.' });
};

/** The driver's "cannot reach the server" errors (by name: no driver import here). */
const unavailableNames = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | null;
  if (!e) return false;
  return unavailableNames.has(e.name ?? '') || /buffering timed out after/.test(e.message ?? '');
}

/**
 * A backend socket that died under a request (the driver sometimes passes a server restart
 * through as a plain EPIPE or "socket has been ended" instead of a MongoNetworkError).
 */
function isConnectionLost(err: unknown): boolean {
  const e = err as { code?: unknown; message?: string } | null;
  if (!e) return false;
  return (
    ['EPIPE', 'ECONNRESET', 'ECONNREFUSED'].includes(String(e.code)) ||
    /socket has been ended by the other party/.test(e.message ?? '')
  );
}
