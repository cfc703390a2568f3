import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const port = z.coerce.number().int().min(0).max(65535);

/** Blank means none; otherwise a JSON list, so a reason may contain any punctuation. */
const legalHolds = z
  .string()
  .transform((raw, ctx) => {
    if (raw.trim() === '') return [];
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON list of {"holder","reason"}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.strictObject({ holder: z.string().min(1).max(100), reason: z.string().min(3).max(500) })));

const proxyKeywords = new Set(['loopback', 'linklocal', 'uniquelocal']);
const ipOrSubnet = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;

/**
 * Which peers may set X-Forwarded-For (express's `trust proxy`): `false`, a hop count, or a
 * comma list of addresses, subnets and express's keywords. Parsed here so a typo stops
 * start-up instead of silently putting every client behind the proxy's one address.
 */
const trustProxy = z.string().transform((raw, ctx): boolean | number | string[] => {
  const v = raw.trim();
  if (v === 'false') return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const items = v.split(',').map((s) => s.trim());
  const bad = items.filter((i) => !proxyKeywords.has(i) && !ipOrSubnet.test(i));
  if (bad.length || items.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false, a hop count, or addresses/subnets/loopback/linklocal/uniquelocal; not: ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  return items;
});

/**
 * Every environment variable the system reads. The README's table lists each one
 * (readme-table.test.ts fails when a variable is missing there).
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode'),
  PORT: port.default(3000).describe('HTTP port of the service (all-in-one: the one public origin)'),
  HOST: z.string().default('127.0.0.1').describe('HTTP bind address'),
  PUBLIC_URL: z
    .url()
    .default('http://127.0.0.1:3000')
    .describe('Public origin used in links in mails and feeds'),
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .describe('MongoDB or FerretDB connection string, database included'),
  MONGODB_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(20)
    .describe('Max connections per process'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .default('redis://127.0.0.1:6379')
    .describe('Redis for queues, rate limits and locks'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i)
    .default('qn')
    .describe('Key prefix of every BullMQ queue'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .describe('Mail relay, e.g. smtp://127.0.0.1:2525'),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('Koordination Quartier <quartier@example.org>')
    .describe('Sender of system mails'),
  DKIM_DOMAIN: z
    .string()
    .optional()
    .describe('DKIM signing domain (signing is on when domain, selector and key are set)'),
  DKIM_SELECTOR: z.string().optional().describe('DKIM selector'),
  DKIM_PRIVATE_KEY: z.string().optional().describe('DKIM private key (PEM)'),
  ADMIN_EMAIL: z
    .email()
    .default('admin@example.org')
    .describe('First admin account, created at start-up if missing'),
  ADMIN_TOKEN: z
    .string()
    .min(24)
    .optional()
    .describe('API token for the first admin (stored hashed); none is created when unset'),
  SECRET_KEY: z
    .string()
    .min(32)
    .describe('Secret for HMACs (tokens, suppression hashes); at least 32 characters'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
  BODY_LIMIT: z.string().default('100kb').describe('Max JSON/form body size'),
  TRUST_PROXY: trustProxy
    .default(['loopback'])
    .describe(
      'Reverse proxies whose X-Forwarded-For gives the client address (rate limits, audit): addresses or subnets (e.g. 172.18.0.0/16), loopback, uniquelocal, a hop count, or false',
    ),
  DEMO_ORGANISER_TOKEN: z
    .string()
    .min(24)
    .optional()
    .describe('API token for the demo organiser (Stadt Nürtingen) when SEED_DEMO is on'),
  SEED_DEMO: bool.default(false).describe('Load demo organisations, events and programmes at start-up'),
  TZ_DISPLAY: z.string().default('Europe/Berlin').describe('Time zone for pages, mails and feeds'),
  METRICS_TOKEN: z
    .string()
    .min(24)
    .optional()
    .describe('Bearer token that GET /metrics requires; /metrics answers 404 when unset'),
  FUNDING_REMINDER_DAYS_BEFORE: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'must be a comma list of day counts, e.g. 14,3')
    .transform((v) => [...new Set(v.split(',').map(Number))].sort((a, b) => b - a))
    .default([14, 3])
    .describe('Funding deadline reminders go out this many days before each deadline (comma list)'),
  FUNDING_PENDING_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(720)
    .default(72)
    .describe('Hours an unconfirmed funding-alert sign-up waits for its confirmation before it is deleted'),
  FUNDING_DIGEST_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'must be a five-field cron pattern')
    .default('0 7 * * 1')
    .describe('When the weekly funding digest goes out (cron, in TZ_DISPLAY)'),
  METRICS_PORT: port
    .optional()
    .describe("A worker process's own port for /healthz, /readyz and /metrics (bound to HOST); unset: none"),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(600)
    .describe('Window of the rate limits on public writes, in seconds'),
  RATE_LIMIT_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe('Public writes allowed per client address and window'),
  RATE_LIMIT_PER_EMAIL: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      'Public writes allowed per email address and client address together, and window (only requests that succeeded count)',
    ),
  RATE_LIMIT_PUBLIC_WRITES_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Public writes allowed per client address and window across all public endpoints together; unset: 3 × RATE_LIMIT_PER_IP',
    ),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(365)
    .describe('Days audit-log entries are kept before the scheduler deletes them'),
  EVENT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(90)
    .describe("Days after an event's end until its attendees' personal data is anonymised"),
  WORKER_LOCK_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(30_000)
    .describe("How long a worker's job lock lasts without renewal (BullMQ lockDuration)"),
  WORKER_STALLED_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(500)
    .default(15_000)
    .describe('How often workers look for stalled jobs of crashed processes (BullMQ stalledInterval)'),
  OFFICE_NAME: z
    .string()
    .min(3)
    .default('Landratsamt Esslingen – Koordination Quartier')
    .describe('Name of the office that runs the service (pages, imprint, privacy notice)'),
  OFFICE_ADDRESS: z
    .string()
    .min(3)
    .default('Pulverwiesen 11, 73728 Esslingen am Neckar')
    .describe('Postal address of the office (imprint, privacy notice)'),
  OFFICE_EMAIL: z.email().default('quartier@example.org').describe('Contact address of the office'),
  OFFICE_PHONE: z.string().min(3).default('0711 3902-0').describe('Telephone number of the office'),
  DPO_CONTACT: z
    .string()
    .min(3)
    .default('Datenschutzbeauftragte/r des Landratsamts Esslingen, datenschutz@example.org')
    .describe('Data protection officer: name or role and how to reach them (privacy notice)'),
  PRIVACY_REQUEST_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(720)
    .default(48)
    .describe('Hours a mailed confirmation link of an access or erasure request stays valid'),
  PRIVACY_REQUEST_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(30)
    .default(1095)
    .describe('Days the record of an access or erasure request (address only as HMAC) is kept'),
  PRIVACY_LEGAL_HOLDS: legalHolds
    .default([])
    .describe(
      'JSON list of {"holder","reason"}: records an erasure must keep by law (holder keys: GET /api/privacy/holders); empty by default',
    ),
  NEWSLETTER_RATE: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(50)
    .describe('Campaign mails per second across all newsletter workers; 0 = no limit'),
});

export type Config = z.infer<typeof configSchema>;
