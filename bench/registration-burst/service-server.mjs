import { createRequire } from 'node:module';

/**
 * The events service as its main.ts runs it (express shell with request ids, logs, helmet, then
 * the events router), on the bench's FerretDB and Redis. Imports built dist/. The parent asks
 * over IPC for a fresh published event before each trial and for its counts after.
 */
const require = createRequire(import.meta.url);
const { loadConfig } = require('@qn/config');
const { connectDb } = require('@qn/db');
const { createHttpApp } = require('@qn/http');
const { createLogger } = require('@qn/log');
const { Producer, createProducerConnection } = require('@qn/queue');
const { createEventsRouter } = require('@qn/service-events');
const { createEvent, publishEvent, eventsDepsOf, Registration, Seat } = require('@qn/events');

const config = loadConfig({
  MONGODB_URL: process.env.BENCH_MONGODB_URL,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  SECRET_KEY: 'bench-secret-key-that-is-long-enough-000',
  QUEUE_PREFIX: process.env.BENCH_PREFIX,
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://quartier.example.org',
  // The production limits stay in the path (two Redis counters a request); only their size is
  // raised, since every bench request comes from one address.
  RATE_LIMIT_PER_IP: '100000000',
  RATE_LIMIT_PER_EMAIL: '100000000',
});
await connectDb({ url: config.MONGODB_URL, poolSize: config.MONGODB_POOL_SIZE });
const logger = createLogger({ level: config.LOG_LEVEL, name: 'bench-events' });
const redis = createProducerConnection(config.REDIS_URL);
const producer = new Producer(redis, config.QUEUE_PREFIX);
const deps = eventsDepsOf({ producer, redis, config });
const app = createHttpApp({
  logger,
  mounts: [{ path: '/api/events', router: createEventsRouter({ producer, redis, config }) }],
});
const server = app.listen(0, '127.0.0.1', 4096, () => process.send({ port: server.address().port }));

// Exit normally on SIGTERM so `--cpu-prof` (BENCH_PROFILE) can write its profile.
process.on('SIGTERM', () => process.exit(0));

process.on('message', async (m) => {
  if (m.type === 'new-event') {
    const startsAt = new Date(Date.now() + 14 * 86_400_000);
    const event = await createEvent(deps, {
      organisationId: 'koordination-quartier',
      title: 'Auftaktveranstaltung Quartier 2030',
      description: 'Lastprobe der Anmeldung',
      kind: 'auftakt',
      fieldsOfAction: ['teilhabe'],
      municipality: 'esslingen-am-neckar',
      venue: { name: 'Neckarforum', city: 'Esslingen am Neckar' },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
      capacity: m.seats,
      waitlistEnabled: true,
      promotionMode: 'automatic',
      offerHours: 48,
      maxCompanions: 0,
      contact: { name: 'Koordination Quartier', email: 'quartier@example.org' },
      reminderOffsetsMinutes: [1440],
    });
    await publishEvent(deps, { eventId: String(event._id) });
    process.send({ type: 'event', eventId: String(event._id) });
  } else if (m.type === 'count') {
    const [seats, confirmed, waitlisted] = await Promise.all([
      Seat.countDocuments({ eventId: m.eventId }),
      Registration.countDocuments({ eventId: m.eventId, status: 'confirmed' }),
      Registration.countDocuments({ eventId: m.eventId, status: 'waitlisted' }),
    ]);
    process.send({ type: 'counts', seats, confirmed, waitlisted });
  }
});
