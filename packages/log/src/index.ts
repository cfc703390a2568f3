import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * One JSON logger shape for services and workers. Tokens, addresses and cookies are redacted
 * at the source so no transport or log shipper ever sees them.
 */
export function createLogger(
  opts: {
    level?: string;
    name?: string;
    /** Tests read what would be logged. */ destination?: DestinationStream;
  } = {},
): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      name: opts.name,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.email',
          '*.token',
          '*.to',
          'email',
          'token',
          'to',
        ],
        censor: '[redacted]',
      },
    },
    opts.destination,
  );
}
