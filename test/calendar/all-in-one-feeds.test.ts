import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Event } from '@qn/events';
import { Programme, updateProgramme } from '@qn/funding';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { event } from './fixtures';
import { rawRequest } from './harness';
import { parseIcs } from './parse-ics';

/**
 * The calendar in the one-process layout: /feeds mounted beside the other services, and the
 * composed calendar worker following events.changed from the real queue.
 */
const config = testConfig(uniqueName('calaio'), { PORT: '0', SEED_DEMO: 'true', LOG_LEVEL: 'error' });
let aio: AllInOne;

beforeAll(async () => {
  aio = await startAllInOne(config);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('feeds in the all-in-one', () => {
  it('serves /feeds and follows events.changed through the composed worker', async () => {
    const e = await event({
      title: 'Auftakt im Quartier',
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000),
    });
    const id = String(e._id);
    await aio.rt.producer.enqueue('events.changed', { eventId: id, sequence: 0, change: 'published' });
    const deadline = Date.now() + 15_000;
    const titleOf = async () => {
      const res = await rawRequest(`${aio.url}/feeds/events.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      return parseIcs(res.body.toString('utf8')).entries.find((x) => x.uid === `event-${id}@quartiersnetz`)
        ?.summary;
    };
    while ((await titleOf()) !== 'Auftakt im Quartier' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await titleOf()).toBe('Auftakt im Quartier');

    await Event.updateOne({ _id: id }, { $set: { title: 'Auftakt im Quartier (neuer Ort)', sequence: 1 } });
    await aio.rt.producer.enqueue('events.changed', { eventId: id, sequence: 1, change: 'updated' });
    while ((await titleOf()) !== 'Auftakt im Quartier (neuer Ort)' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await titleOf()).toBe('Auftakt im Quartier (neuer Ort)');

    const org = await rawRequest(`${aio.url}/feeds/organisations/stadt-nuertingen.ics`, { method: 'HEAD' });
    expect(org.status).toBe(200);
    expect((await rawRequest(`${aio.url}/feeds/organisations/unbekannt.ics`)).status).toBe(404);
  });

  it("shows a published programme's new title and link in the deadlines feed, not only new dates", async () => {
    const published = await Programme.find({ status: 'published' }).lean();
    const today = new Date().toISOString().slice(0, 10);
    const p = published.find((x) => x.deadlines.some((d) => d >= today))!;
    const feed = async () =>
      parseIcs(
        (await rawRequest(`${aio.url}/feeds/funding-deadlines.ics`)).body.toString('utf8'),
      ).entries.filter((e) => e.uid.startsWith(`funding-${p._id}-`));
    expect((await feed())[0]!.summary).toBe(`Antragsfrist: ${p.title}`);
    await updateProgramme({
      id: String(p._id),
      patch: {
        title: 'Quartiersimpulse 2027',
        links: [{ label: 'Neue Ausschreibung', url: 'https://neu.example/q' }],
      },
      producer: aio.rt.producer,
    });
    const deadline = Date.now() + 15_000;
    while ((await feed())[0]!.summary !== 'Antragsfrist: Quartiersimpulse 2027' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const [entry] = await feed();
    expect(entry!.summary).toBe('Antragsfrist: Quartiersimpulse 2027');
    expect(entry!.url).toBe('https://neu.example/q');
  });
});
