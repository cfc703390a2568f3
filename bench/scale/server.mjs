import { createRequire } from 'node:module';

/**
 * Every HTTP service on one origin, as the all-in-one composes them (`composeApp`), on the
 * bench's FerretDB and Redis, without the workers: the bench times what a request costs, and
 * workers draining mail jobs or sweeping campaigns meanwhile would only add noise on a shared
 * machine (their jobs wait in Redis and go with the bench's queue prefix). Imports built dist/.
 * The parent asks over IPC for the newsletter list and published events the data goes into.
 */
const require = createRequire(import.meta.url);
const { loadConfig } = require('@qn/config');
const { createRuntime } = require('@qn/runtime');
const { composeApp } = require('@qn/all-in-one');
const { createEvent, publishEvent, eventsDepsOf } = require('@qn/events');
const { createList } = require('@qn/newsletter');
const mongoose = require('mongoose');

/**
 * The filters the driver is asked to run while the log is on, as mongoose's debug hook sees
 * them, reduced to what FerretDB 1.x cannot answer by `_id` (the same rule as `notById` in
 * @qn/testing): anything but exactly `{_id: <string or ObjectId>}`. Only for the untimed
 * diagnosis pass; the timed samples run without the hook.
 */
const FILTERING = new Set([
  'find',
  'findOne',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'countDocuments',
  'count',
  'distinct',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'aggregate',
]);
let logged = null;
function byIdOnly(method, filter) {
  if (method === 'aggregate') return false;
  if (!filter || typeof filter !== 'object' || Object.keys(filter).length !== 1) return false;
  return typeof filter._id === 'string' || filter._id instanceof mongoose.Types.ObjectId;
}
const shapeOf = (filter) =>
  JSON.stringify(filter, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? v
      : typeof v === 'string'
        ? '…'
        : v,
  );

const config = loadConfig(JSON.parse(process.env.BENCH_CONFIG));
const rt = await createRuntime(config, { name: 'bench-scale' });
const app = composeApp(rt);
const server = app.listen(0, '127.0.0.1', 4096, () => process.send({ port: server.address().port }));

process.on('SIGTERM', async () => {
  server.close();
  await rt.close().catch(() => {});
  process.exit(0);
});

async function newEvent(capacity, title) {
  const deps = eventsDepsOf(rt);
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const event = await createEvent(deps, {
    organisationId: 'koordination-quartier',
    title,
    description: 'Lastprobe: Kosten öffentlicher Anfragen bei wachsendem Datenbestand',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe'],
    municipality: 'esslingen-am-neckar',
    venue: { name: 'Neckarforum', city: 'Esslingen am Neckar' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
    capacity,
    waitlistEnabled: true,
    promotionMode: 'automatic',
    offerHours: 48,
    maxCompanions: 0,
    contact: { name: 'Koordination Quartier', email: 'quartier@example.org' },
    reminderOffsetsMinutes: [1440],
  });
  await publishEvent(deps, { eventId: String(event._id) });
  return String(event._id);
}

process.on('message', async (m) => {
  try {
    if (m.type === 'setup') {
      const list = await createList({ name: 'Quartiersnetz-Rundbrief', lang: 'de' });
      const eventIds = [];
      for (let i = 0; i < m.events; i++)
        eventIds.push(await newEvent(m.capacity, `Vernetzungstreffen Quartier 2030, Runde ${i + 1}`));
      process.send({ type: 'setup', listId: list._id, eventIds });
    } else if (m.type === 'log-start') {
      logged = [];
      mongoose.set('debug', (collection, method, ...args) => {
        if (FILTERING.has(method) && !byIdOnly(method, args[0]))
          logged.push(
            `${collection}.${method} ${shapeOf(method === 'aggregate' ? args[0] : (args[0] ?? {}))}`,
          );
      });
      process.send({ type: 'log-start' });
    } else if (m.type === 'log-stop') {
      mongoose.set('debug', false);
      process.send({ type: 'log-stop', queries: logged ?? [] });
      logged = null;
    } else if (m.type === 'new-event') {
      process.send({ type: 'new-event', eventId: await newEvent(m.capacity, m.title) });
    }
  } catch (err) {
    process.send({ type: 'error', message: err.stack ?? String(err) });
  }
});
