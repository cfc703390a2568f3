import { Writable } from 'node:stream';
import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Registration, createEvent, eventsDepsOf, manageTokenOf, publishEvent } from '@qn/events';
import { createLogger } from '@qn/log';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { eventFields } from '../events/events-fixtures';

/**
 * Links in mails carry tokens in their paths. Whatever the answer (200, 303 with a Location,
 * 400, 404), no token of any kind may reach the log: every request below is logged at the
 * debug level into memory, through the same logger the processes use, and searched.
 */
const db = uniqueName('logmask');
const config = testConfig(db, { PORT: '0', LOG_LEVEL: 'debug', RATE_LIMIT_PER_IP: '10000' });
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});
let aio: AllInOne;
const api = () => request(aio.server);

beforeAll(async () => {
  aio = await startAllInOne(config, { logger: createLogger({ level: 'debug', destination: sink }) });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

it('keeps manage, feed, newsletter, funding and hook tokens out of the log on every kind of answer', async () => {
  const deps = eventsDepsOf(aio.rt);
  const e = await createEvent(deps, { ...eventFields({ capacity: 3 }), organisationId: 'stadt-nuertingen' });
  const eventId = String(e._id);
  await publishEvent(deps, { eventId });
  const email = `log-${db}@example.org`;
  await api().post(`/api/events/${eventId}/registrations`).send({ name: 'Lea Log', email, consent: true });
  const reg = await Registration.findOne({ eventId, email }).lean();
  const manage = manageTokenOf(config.SECRET_KEY, String(reg!._id));
  const unknown43 = 'Q'.repeat(21) + 'x'.repeat(22);
  const dotted = 'u.65e0000000000000000000a1.Zm9vYmFyYmF6cXV4cXV1eA.x9ZyQ1_aBcDeFgHiJkLmNo';
  const tokens = [manage, unknown43, dotted, 'feedtokenfeedtokenfeedtokenfeedtokenfeedtok'];

  const answers = await Promise.all([
    api().get(`/veranstaltungen/anmeldung/${manage}`),
    api().get(`/api/events/manage/${manage}?utm_source=${manage}`),
    api().get(`/veranstaltungen/anmeldung/${unknown43}`),
    api().get(`/feeds/personal/${tokens[3]}.ics`),
    api().get(`/api/newsletter/u/${dotted}`),
    api().post(`/api/newsletter/u/${dotted}`),
    api().get(`/newsletter/abmelden/${dotted}`),
    api().get(`/foerderprogramme/benachrichtigungen/verwalten/${unknown43}`),
    api().post(`/api/funding/subscriptions/manage/${unknown43}`).send({ bad: 1 }),
    api().post(`/api/inbound/${unknown43}`).send('x'),
  ]);
  // A redirect whose Location carries the token.
  const browser = request.agent(aio.server);
  const page = await browser.get(`/veranstaltungen/anmeldung/${manage}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  const cancelled = await browser
    .post(`/veranstaltungen/anmeldung/${manage}/stornieren`)
    .type('form')
    .send({ _csrf: csrf });
  expect(cancelled.headers.location).toContain(manage);
  answers.push(cancelled);
  const statuses = new Set(answers.map((a) => Math.floor(a.status / 100)));
  expect([...statuses].sort()).toEqual(expect.arrayContaining([2, 3, 4]));
  await new Promise<void>((resolve) => setImmediate(resolve));

  const log = lines.join('');
  expect(log).toContain('/veranstaltungen/anmeldung/:token');
  expect(log).toContain('/feeds/personal/:token');
  expect(log).toContain('/api/newsletter/u/:token');
  for (const t of tokens) {
    // Not the token, nor any 20-character piece of it.
    for (let i = 0; i + 20 <= t.length; i += 10) expect(log).not.toContain(t.slice(i, i + 20));
  }
});
