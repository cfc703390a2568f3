import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { publishInvalidation } from '@qn/calendar';
import { closeDb } from '@qn/db';
import { Event } from '@qn/events';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { event, organisation, programme } from './fixtures';
import { rawRequest, startCalendar, type CalendarHarness } from './harness';
import { parseIcs } from './parse-ics';

/**
 * The calendar service over HTTP on the real FerretDB and Redis: every public feed parsed by
 * ical.js, conditional requests, HEAD, compression, filters and their validation.
 */
const config = testConfig(uniqueName('calfeed'));
// Feeds hide what is long past; the clock sits before the spring DST change under test.
const NOW = new Date('2026-03-01T12:00:00Z');
let h: CalendarHarness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startCalendar(config, { now: () => NOW });
  await organisation('stadt-nuertingen', 'Stadt Nürtingen – Seniorenbüro');
  await organisation('gemeinde-koengen', 'Gemeinde Köngen');
  const mk = async (key: string, over: Parameters<typeof event>[0]) => {
    ids[key] = String((await event(over))._id);
  };
  // 10:00 local time on both sides of both DST changes of 2026.
  await mk('springBefore', {
    title: 'Vor der Umstellung',
    startsAt: new Date('2026-03-28T09:00:00Z'),
    endsAt: new Date('2026-03-28T11:00:00Z'),
  });
  await mk('springAfter', {
    title: 'Nach der Umstellung',
    startsAt: new Date('2026-03-30T08:00:00Z'),
    endsAt: new Date('2026-03-30T10:00:00Z'),
  });
  await mk('autumnBefore', {
    title: 'Herbst davor',
    startsAt: new Date('2026-10-24T08:00:00Z'),
    endsAt: new Date('2026-10-24T10:00:00Z'),
  });
  await mk('autumnAfter', {
    title: 'Herbst danach',
    startsAt: new Date('2026-10-26T09:00:00Z'),
    endsAt: new Date('2026-10-26T11:00:00Z'),
  });
  await mk('koengen', {
    title: 'Workshop Wohnen, Pflege; Mobilität',
    description: 'Zeile eins\nZeile zwei: Grüße aus Köngen',
    organisationId: 'gemeinde-koengen',
    municipality: 'koengen',
    kind: 'workshop',
    fieldsOfAction: ['wohnen', 'mobilitaet'],
    venue: { name: 'Bürgerhaus Köngen, Saal 2', city: 'Köngen' },
    startsAt: new Date('2026-04-15T15:00:00Z'),
    endsAt: new Date('2026-04-15T17:00:00Z'),
    sequence: 3,
  });
  await mk('draft', { title: 'Entwurf', status: 'draft', publishedAt: undefined });
  await mk('cancelled', {
    title: 'Abgesagtes Treffen',
    status: 'cancelled',
    cancelledAt: new Date('2026-02-20T10:00:00Z'),
    startsAt: new Date('2026-02-25T09:00:00Z'),
    endsAt: new Date('2026-02-25T11:00:00Z'),
    sequence: 2,
  });
  await mk('cancelledLongAgo', {
    title: 'Lange abgesagt',
    status: 'cancelled',
    startsAt: new Date('2026-01-10T09:00:00Z'),
    endsAt: new Date('2026-01-10T11:00:00Z'),
  });
  await programme({ title: 'Quartiersimpulse', deadlines: ['2026-03-29', '2026-10-25'] });
  await programme({ title: 'Entwurf-Programm', status: 'draft' });
});

afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await h.close();
  await closeDb();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(`${h.url}${path}`, { headers });

describe('public events feed', () => {
  it('serves every published event, parsed by ical.js, with its fields', async () => {
    const res = await get('/feeds/events.ics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = parseIcs(res.body.toString('utf8'));
    expect(cal.method).toBe('PUBLISH');
    expect(cal.name).toBe('Quartiersnetz – Veranstaltungen');
    expect(cal.refreshInterval).toBe('PT1H');
    expect(cal.timezones).toEqual(['Europe/Berlin']);
    const titles = cal.entries.map((e) => e.summary).sort();
    expect(titles).toEqual(
      [
        'Abgesagt: Abgesagtes Treffen',
        'Herbst danach',
        'Herbst davor',
        'Nach der Umstellung',
        'Vor der Umstellung',
        'Workshop Wohnen, Pflege; Mobilität',
      ].sort(),
    );
    const k = cal.entries.find((e) => e.uid === `event-${ids.koengen}@quartiersnetz`)!;
    expect(k.sequence).toBe(3);
    expect(k.status).toBe('CONFIRMED');
    expect(k.location).toBe('Bürgerhaus Köngen, Saal 2, Köngen');
    expect(k.url).toBe(`http://127.0.0.1:3000/veranstaltungen/${ids.koengen}`);
    expect(k.description).toContain('Zeile eins\nZeile zwei: Grüße aus Köngen');
    expect(k.description).toContain(
      `Details und Anmeldung: http://127.0.0.1:3000/veranstaltungen/${ids.koengen}`,
    );
    expect(k.description).toContain('Veranstalter: Gemeinde Köngen');
    expect(k.categories).toEqual(['Workshop', 'Wohnen', 'Mobilität']);
    const text = res.body.toString('utf8');
    expect(text).not.toMatch(/\r\n(ATTENDEE|ORGANIZER)/);
    expect(text).not.toContain('petra@example.org');
  });

  it('keeps 10:00 Europe/Berlin on both sides of both DST changes', async () => {
    const res = await get('/feeds/events.ics');
    const text = res.body.toString('utf8');
    const byTitle = new Map(parseIcs(text).entries.map((e) => [e.summary, e]));
    const cases: [string, string, string][] = [
      ['Vor der Umstellung', '2026-03-28T09:00:00.000Z', '20260328T100000'],
      ['Nach der Umstellung', '2026-03-30T08:00:00.000Z', '20260330T100000'],
      ['Herbst davor', '2026-10-24T08:00:00.000Z', '20261024T100000'],
      ['Herbst danach', '2026-10-26T09:00:00.000Z', '20261026T100000'],
    ];
    for (const [title, instant, local] of cases) {
      expect(byTitle.get(title)!.start.toISOString()).toBe(instant);
      expect(byTitle.get(title)!.startTzid).toBe('Europe/Berlin');
      expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${local}\r\n`);
    }
  });

  it('keeps a cancelled event as STATUS:CANCELLED within the retention, and drops it after', async () => {
    const cal = parseIcs((await get('/feeds/events.ics')).body.toString('utf8'));
    const c = cal.entries.find((e) => e.uid === `event-${ids.cancelled}@quartiersnetz`)!;
    expect(c.status).toBe('CANCELLED');
    expect(c.sequence).toBe(2);
    expect(cal.entries.some((e) => e.uid === `event-${ids.cancelledLongAgo}@quartiersnetz`)).toBe(false);
    expect(cal.entries.some((e) => e.uid === `event-${ids.draft}@quartiersnetz`)).toBe(false);
  });
});

describe('filters', () => {
  const uidsOf = async (query: string) => {
    const res = await get(`/feeds/events.ics${query}`);
    expect(res.status).toBe(200);
    return parseIcs(res.body.toString('utf8'))
      .entries.map((e) => e.summary)
      .sort();
  };

  it('filters by municipality, field of action, kind and organiser', async () => {
    expect(await uidsOf('?municipality=koengen')).toEqual(['Workshop Wohnen, Pflege; Mobilität']);
    expect(await uidsOf('?field=mobilitaet')).toEqual(['Workshop Wohnen, Pflege; Mobilität']);
    expect(await uidsOf('?kind=workshop')).toEqual(['Workshop Wohnen, Pflege; Mobilität']);
    expect(await uidsOf('?organiser=gemeinde-koengen')).toEqual(['Workshop Wohnen, Pflege; Mobilität']);
    expect(await uidsOf('?municipality=koengen&kind=vernetzungstreffen')).toEqual([]);
  });

  it('takes several values repeated or comma-separated, ORed within a parameter', async () => {
    const a = await uidsOf('?municipality=koengen,nuertingen');
    const b = await uidsOf('?municipality=koengen&municipality=nuertingen');
    expect(a).toEqual(b);
    expect(a).toHaveLength(6);
  });

  it('names the filter in the calendar name', async () => {
    const cal = parseIcs(
      (await get('/feeds/events.ics?municipality=koengen&field=wohnen')).body.toString('utf8'),
    );
    expect(cal.name).toBe('Quartiersnetz – Veranstaltungen: Köngen · Wohnen');
  });

  it.each([
    ['?municipality=atlantis', ['municipality.0']],
    ['?kind=party&field=wohnen', ['kind.0']],
    ['?municipality=', ['municipality.0']],
    ['?organiser=$gt', ['organiser.0']],
    ['?organiser=unbekannt', ['organiser']],
  ])('answers nonsense %s with 400 problem+json naming the fields', async (query, fields) => {
    const res = await get(`/feeds/events.ics${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = JSON.parse(res.body.toString('utf8'));
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  });
});

describe('other feeds', () => {
  it('serves a per-organisation feed and 404 for an unknown organisation', async () => {
    const res = await get('/feeds/organisations/gemeinde-koengen.ics');
    expect(res.status).toBe(200);
    const cal = parseIcs(res.body.toString('utf8'));
    expect(cal.name).toBe('Quartiersnetz – Gemeinde Köngen');
    expect(cal.entries.map((e) => e.summary)).toEqual(['Workshop Wohnen, Pflege; Mobilität']);
    expect((await get('/feeds/organisations/gibt-es-nicht.ics')).status).toBe(404);
    expect((await get('/feeds/organisations/Bad$Id.ics')).status).toBe(404);
  });

  it('serves a single event as an .ics download, and 404 for drafts and unknown ids', async () => {
    const res = await get(`/feeds/events/${ids.koengen}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="veranstaltung-${ids.koengen}.ics"`,
    );
    const cal = parseIcs(res.body.toString('utf8'));
    expect(cal.method).toBe('PUBLISH');
    expect(cal.entries).toHaveLength(1);
    expect(cal.entries[0]!.uid).toBe(`event-${ids.koengen}@quartiersnetz`);
    expect((await get(`/feeds/events/${ids.draft}.ics`)).status).toBe(404);
    expect((await get(`/feeds/events/${'0'.repeat(24)}.ics`)).status).toBe(404);
    expect((await get('/feeds/events/nope.ics')).status).toBe(404);
  });

  it('serves funding deadlines as all-day entries linking the official source', async () => {
    const res = await get('/feeds/funding-deadlines.ics');
    expect(res.status).toBe(200);
    const cal = parseIcs(res.body.toString('utf8'));
    expect(cal.name).toBe('Quartiersnetz – Förderfristen');
    expect(cal.entries.map((e) => [e.summary, e.startLocal, e.startIsDate])).toEqual([
      ['Antragsfrist: Quartiersimpulse', '2026-03-29', true],
      ['Antragsfrist: Quartiersimpulse', '2026-10-25', true],
    ]);
    expect(cal.entries[0]!.url).toBe('https://sozialministerium.example/quartiersimpulse');
    expect(cal.entries[0]!.description).toContain('Förderung von Quartiersprozessen, Beratung; Begleitung.');
    expect(res.body.toString('utf8')).toContain('DTSTART;VALUE=DATE:20260329\r\n');
  });

  it('lists the public feeds with webcal and subscribe links', async () => {
    const res = await get('/feeds/');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body.toString('utf8'));
    expect(body.feeds[0]).toMatchObject({
      url: 'http://127.0.0.1:3000/feeds/events.ics',
      webcalUrl: 'webcal://127.0.0.1:3000/feeds/events.ics',
    });
    expect(body.feeds[0].googleSubscribeUrl).toContain('calendar.google.com');
    expect(body.feeds[0].outlookSubscribeUrl).toContain('outlook.live.com');
  });

  it('ignores unknown query parameters (utm_source from a pasted link), on every feed', async () => {
    const plain = await get('/feeds/funding-deadlines.ics');
    const tagged = await get('/feeds/funding-deadlines.ics?utm_source=newsletter&x=1');
    expect(tagged.status).toBe(200);
    expect(tagged.body.equals(plain.body)).toBe(true);
    const filtered = await get('/feeds/events.ics?municipality=koengen');
    const withNoise = await get(
      '/feeds/events.ics?municipality=koengen&utm_medium=social&field%5B%24ne%5D=x',
    );
    expect(withNoise.status).toBe(200);
    expect(withNoise.body.equals(filtered.body)).toBe(true);
  });
});

describe('HTTP caching, HEAD and compression', () => {
  it('sends a strong ETag, Last-Modified and Cache-Control, and 304 on revalidation', async () => {
    const first = await get('/feeds/events.ics');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    const lastModified = String(first.headers['last-modified']);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);

    const byTag = await get('/feeds/events.ics', { 'If-None-Match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers.etag).toBe(etag);

    const byDate = await get('/feeds/events.ics', { 'If-Modified-Since': lastModified });
    expect(byDate.status).toBe(304);
    const older = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
    expect((await get('/feeds/events.ics', { 'If-Modified-Since': older })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect(
      (await get('/feeds/events.ics', { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }))
        .status,
    ).toBe(200);
    // Same bytes on every request: the ETag is stable.
    expect((await get('/feeds/events.ics')).headers.etag).toBe(etag);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const g = await get('/feeds/events.ics');
    const head = await rawRequest(`${h.url}/feeds/events.ics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(g.body.length));
    expect(head.headers.etag).toBe(g.headers.etag);
    expect(head.headers['content-type']).toBe('text/calendar; charset=utf-8');
  });

  it('compresses with br or gzip as accepted, with its own ETag that still revalidates', async () => {
    const plain = await get('/feeds/events.ics');
    const br = await get('/feeds/events.ics', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(br.headers.etag).not.toBe(plain.headers.etag);

    const gz = await get('/feeds/events.ics', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);

    const none = await get('/feeds/events.ics', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();

    const revalidated = await get('/feeds/events.ics', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(br.headers.etag),
    });
    expect(revalidated.status).toBe(304);
  });
});

describe('following changes', () => {
  it('serves the cached build until the events scope is invalidated, then the change', async () => {
    const before = await get('/feeds/events.ics');
    await Event.updateOne(
      { _id: ids.koengen },
      {
        $set: {
          title: 'Workshop (verlegt)',
          sequence: 4,
          startsAt: new Date('2026-04-16T15:00:00Z'),
          endsAt: new Date('2026-04-16T17:00:00Z'),
        },
      },
    );
    // No invalidation yet: the cache answers, the database is not asked.
    expect((await get('/feeds/events.ics')).headers.etag).toBe(before.headers.etag);

    await publishInvalidation(h.redis, config.QUEUE_PREFIX, 'events');
    const deadline = Date.now() + 5_000;
    let after = await get('/feeds/events.ics');
    while (after.headers.etag === before.headers.etag && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      after = await get('/feeds/events.ics');
    }
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const e = parseIcs(after.body.toString('utf8')).entries.find(
      (x) => x.uid === `event-${ids.koengen}@quartiersnetz`,
    )!;
    expect(e.summary).toBe('Workshop (verlegt)');
    expect(e.sequence).toBe(4);
    expect((await get('/feeds/events.ics', { 'If-None-Match': String(before.headers.etag) })).status).toBe(
      200,
    );
  });
});

describe('fast path for repeated feed URLs', () => {
  it('answers a repeat from the cache with the same headers the router sends', async () => {
    const path = '/feeds/events.ics?kind=workshop';
    const viaRouter = await get(path);
    const viaCache = await get(path, { 'X-Request-Id': 'client-chosen-id-123' });
    expect(viaCache.status).toBe(200);
    expect(viaCache.body.equals(viaRouter.body)).toBe(true);
    for (const header of [
      'etag',
      'last-modified',
      'cache-control',
      'content-type',
      'vary',
      'content-length',
    ]) {
      expect(viaCache.headers[header]).toBe(viaRouter.headers[header]);
    }
    expect(viaCache.headers['x-content-type-options']).toBe('nosniff');
    expect(viaCache.headers['x-request-id']).toBe('client-chosen-id-123');
    expect((await get(path, { 'If-None-Match': String(viaRouter.headers.etag) })).status).toBe(304);
  });
});

describe('one feed per filter meaning', () => {
  it('gives the same bytes and ETag for every spelling of a filter, naming its canonical URL', async () => {
    const a = await get('/feeds/events.ics?municipality=nuertingen,koengen&kind=workshop');
    const b = await get('/feeds/events.ics?kind=workshop&municipality=koengen&municipality=nuertingen');
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body.equals(a.body)).toBe(true);
    const unfolded = a.body.toString('utf8').replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'URL:http://127.0.0.1:3000/feeds/events.ics?municipality=koengen,nuertingen&kind=workshop\r\n',
    );
    expect(unfolded).toContain(
      'X-WR-CALNAME:Quartiersnetz – Veranstaltungen: Köngen · Nürtingen · Workshop\r\n',
    );
    // A second process that first sees the other spelling builds the very same bytes.
    h.service.feeds.cache.clear();
    const c = await get('/feeds/events.ics?kind=workshop&municipality=nuertingen,koengen');
    expect(c.headers.etag).toBe(a.headers.etag);
  });
});
