import mongoose from 'mongoose';
import { closeDb } from '@qn/db';
import { Registration } from '@qn/events';
import { PersonalFeed } from '@qn/calendar';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { event, organisation, registration } from './fixtures';
import { rawRequest, startCalendar, type CalendarHarness } from './harness';
import { parseIcs } from './parse-ics';

/**
 * Personal feeds: one registrant's own registrations with their status, reached by a token
 * that can be issued, rotated and revoked with a registration's manage token.
 */
const config = testConfig(uniqueName('calpers'));
const NOW = new Date('2026-11-20T12:00:00Z');
let h: CalendarHarness;
type Reg = { id: string; eventId: string };
let anna: {
  confirmed: Reg & { manageToken: string };
  waitlisted: Reg;
  cancelled: Reg;
};
let bert: { id: string; manageToken: string };
const evIds: Record<string, string> = {};

beforeAll(async () => {
  // personalMaxAgeMs 0: registration changes carry no domain event, so the test must not wait
  // out the short personal cache to see one.
  h = await startCalendar(config, { now: () => NOW, personalMaxAgeMs: 0 });
  await organisation('stadt-nuertingen', 'Stadt Nürtingen – Seniorenbüro');
  for (const [k, title] of [
    ['a', 'Schulung Digitalisierung'],
    ['b', 'Fachgespräch Pflege'],
    ['c', 'Auftakt Quartier'],
    ['d', 'Nur für Bert'],
  ] as const) {
    evIds[k] = String((await event({ title, kind: 'schulung' }))._id);
  }
  anna = {
    confirmed: await registration(config.SECRET_KEY, evIds.a!, 'anna@example.org', 'confirmed'),
    waitlisted: await registration(config.SECRET_KEY, evIds.b!, 'anna@example.org', 'waitlisted'),
    cancelled: await registration(config.SECRET_KEY, evIds.c!, 'anna@example.org', 'cancelled'),
  };
  bert = await registration(config.SECRET_KEY, evIds.d!, 'bert@example.org', 'confirmed');
});

afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await h.close();
  await closeDb();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${h.url}/feeds${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
};
const feedPath = (token: string) => `${h.url}/feeds/personal/${token}.ics`;

describe('personal feed', () => {
  it('issues a token with feed, webcal and subscribe links; asking again gives the same one', async () => {
    const res = await post('/personal', { manageToken: anna.confirmed.manageToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.url).toBe(`http://127.0.0.1:3000/feeds/personal/${res.body.token}.ics`);
    expect(res.body.webcalUrl).toBe(`webcal://127.0.0.1:3000/feeds/personal/${res.body.token}.ics`);
    const again = await post('/personal', { manageToken: anna.confirmed.manageToken });
    expect(again.body.token).toBe(res.body.token);
  });

  it("shows only that person's registrations with their status, and no attendee data", async () => {
    const { body } = await post('/personal', { manageToken: anna.confirmed.manageToken });
    const res = await rawRequest(feedPath(body.token));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=60');
    const text = res.body.toString('utf8');
    const cal = parseIcs(text);
    expect(cal.method).toBe('PUBLISH');
    expect(cal.name).toBe('Quartiersnetz – Meine Veranstaltungen');
    const byUid = new Map(cal.entries.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [anna.confirmed.eventId, anna.waitlisted.eventId, anna.cancelled.eventId]
        .map((id) => `event-${id}@quartiersnetz`)
        .sort(),
    );
    const confirmed = byUid.get(`event-${anna.confirmed.eventId}@quartiersnetz`)!;
    expect(confirmed).toMatchObject({
      summary: 'Schulung Digitalisierung',
      status: 'CONFIRMED',
      sequence: 2,
    });
    expect(confirmed.description).toMatch(/^Ihr Status: Angemeldet/);
    const waiting = byUid.get(`event-${anna.waitlisted.eventId}@quartiersnetz`)!;
    expect(waiting).toMatchObject({
      summary: 'Warteliste: Fachgespräch Pflege',
      status: 'TENTATIVE',
      sequence: 0,
    });
    const off = byUid.get(`event-${anna.cancelled.eventId}@quartiersnetz`)!;
    expect(off).toMatchObject({ summary: 'Abgemeldet: Auftakt Quartier', status: 'CANCELLED', sequence: 3 });
    expect(text).not.toContain('Nur für Bert');
    expect(text).not.toMatch(/anna@example\.org|Anna Teilnehmerin|petra@example\.org/);
    expect(text).not.toMatch(/\r\n(ATTENDEE|ORGANIZER)/);
  });

  it('follows a status change with a raised SEQUENCE', async () => {
    const { body } = await post('/personal', { manageToken: anna.confirmed.manageToken });
    await Registration.updateOne(
      { _id: anna.waitlisted.id },
      { $set: { status: 'confirmed', confirmedAt: new Date() } },
    );
    const cal = parseIcs((await rawRequest(feedPath(body.token))).body.toString('utf8'));
    const e = cal.entries.find((x) => x.uid === `event-${anna.waitlisted.eventId}@quartiersnetz`)!;
    expect(e).toMatchObject({ summary: 'Fachgespräch Pflege', status: 'CONFIRMED', sequence: 2 });
  });

  it('revalidates with 304 like the public feeds', async () => {
    const { body } = await post('/personal', { manageToken: anna.confirmed.manageToken });
    const first = await rawRequest(feedPath(body.token));
    const again = await rawRequest(feedPath(body.token), {
      headers: { 'If-None-Match': String(first.headers.etag) },
    });
    expect(again.status).toBe(304);
  });

  it('rotates: the old token answers 404, the new one the feed', async () => {
    const old = (await post('/personal', { manageToken: anna.confirmed.manageToken })).body.token;
    expect((await rawRequest(feedPath(old))).status).toBe(200);
    const rotated = await post('/personal/rotate', { manageToken: anna.confirmed.manageToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).not.toBe(old);
    expect((await rawRequest(feedPath(old))).status).toBe(404);
    expect((await rawRequest(feedPath(rotated.body.token))).status).toBe(200);
  });

  it('revokes: the token answers 404; issuing again makes a new token', async () => {
    const token = (await post('/personal', { manageToken: bert.manageToken })).body.token;
    const feed = parseIcs((await rawRequest(feedPath(token))).body.toString('utf8'));
    expect(feed.entries.map((e) => e.summary)).toEqual(['Nur für Bert']);
    expect((await post('/personal/revoke', { manageToken: bert.manageToken })).status).toBe(204);
    const gone = await rawRequest(feedPath(token));
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type']).toMatch(/application\/problem\+json/);
    const fresh = (await post('/personal', { manageToken: bert.manageToken })).body.token;
    expect(fresh).not.toBe(token);
    expect((await rawRequest(feedPath(fresh))).status).toBe(200);
    expect((await rawRequest(feedPath(token))).status).toBe(404);
  });

  it('answers unknown and malformed tokens with 404', async () => {
    expect((await rawRequest(feedPath('A'.repeat(43)))).status).toBe(404);
    expect((await rawRequest(feedPath('short'))).status).toBe(404);
    expect((await post('/personal', { manageToken: 'x'.repeat(43) })).status).toBe(404);
    expect((await post('/personal/rotate', { manageToken: 'x'.repeat(43) })).status).toBe(404);
  });

  it.each([
    ['missing token', {}, ['manageToken']],
    ['wrong type', { manageToken: 42 }, ['manageToken']],
    ['operator injection', { manageToken: { $gt: '' } }, ['manageToken']],
    ['oversized token', { manageToken: 'y'.repeat(500) }, ['manageToken']],
    ['unknown field', { manageToken: 'y'.repeat(43), extra: true }, ['extra']],
  ])('rejects a body with %s: 400 naming the fields, nothing stored', async (_label, body, fields) => {
    const before = await PersonalFeed.countDocuments();
    const res = await post('/personal', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(await PersonalFeed.countDocuments()).toBe(before);
  });

  it('gives eight concurrent first requests the same token and one record', async () => {
    const r = await registration(config.SECRET_KEY, evIds.a!, 'carla@example.org', 'confirmed');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post('/personal', { manageToken: r.manageToken })),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body.token)).size).toBe(1);
    expect(await PersonalFeed.countDocuments({ email: 'carla@example.org' })).toBe(1);
  });
});
