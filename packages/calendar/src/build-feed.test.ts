import { buildFeed } from './build-feed';
import type { CalendarEntry } from './calendar-entry';
import { parseIcs, rawLines } from '../../../test/calendar/parse-ics';

const TZ = 'Europe/Berlin';

function timed(
  uid: string,
  startIso: string,
  endIso: string,
  over: Partial<CalendarEntry> = {},
): CalendarEntry {
  return {
    uid,
    sequence: 0,
    start: new Date(startIso),
    end: new Date(endIso),
    summary: `Termin ${uid}`,
    status: 'CONFIRMED',
    created: new Date('2026-01-05T08:00:00Z'),
    lastModified: new Date('2026-02-10T12:30:00Z'),
    ...over,
  } as CalendarEntry;
}

function feed(entries: CalendarEntry[], name = 'Quartiersnetz – Termine') {
  return buildFeed({ name, timezone: TZ, refreshSeconds: 3600, entries });
}

describe('buildFeed', () => {
  it('writes a PUBLISH calendar with name, refresh interval, TTL and a Europe/Berlin VTIMEZONE', () => {
    const text = feed(
      [timed('a@x', '2026-05-04T08:00:00Z', '2026-05-04T10:00:00Z')],
      'Termine, Köngen; Plochingen',
    );
    const cal = parseIcs(text);
    expect(cal.method).toBe('PUBLISH');
    // NAME is TEXT (RFC 7986), so it is escaped; ical.js knows neither NAME nor X-WR-CALNAME
    // and hands back the raw value, so the escaping is checked on the line itself.
    expect(cal.name).toBe('Termine\\, Köngen\\; Plochingen');
    expect(text).toContain('\r\nNAME:Termine\\, Köngen\\; Plochingen\r\n');
    expect(cal.refreshInterval).toBe('PT1H');
    expect(cal.publishedTtl).toBe('PT1H');
    expect(cal.timezones).toEqual(['Europe/Berlin']);
    expect(text).toContain('X-WR-TIMEZONE:Europe/Berlin\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toMatch(/\r\nATTENDEE|\r\nORGANIZER/);
  });

  it.each([
    ['spring: Saturday before the change (CET, +01:00)', '2026-03-28T09:00:00Z', '20260328T100000'],
    ['spring: Monday after the change (CEST, +02:00)', '2026-03-30T08:00:00Z', '20260330T100000'],
    ['autumn: Saturday before the change (CEST, +02:00)', '2026-10-24T08:00:00Z', '20261024T100000'],
    ['autumn: Monday after the change (CET, +01:00)', '2026-10-26T09:00:00Z', '20261026T100000'],
  ])('keeps 10:00 local time on both sides of a DST change — %s', (_label, startUtc, local) => {
    const start = new Date(startUtc);
    const end = new Date(start.getTime() + 90 * 60_000);
    const text = feed([timed('dst@x', startUtc, end.toISOString())]);
    expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${local}\r\n`);
    const [e] = parseIcs(text).entries;
    expect(e!.startTzid).toBe('Europe/Berlin');
    expect(e!.start.toISOString()).toBe(start.toISOString());
    expect(e!.end.toISOString()).toBe(end.toISOString());
  });

  it('writes DTSTAMP, CREATED and LAST-MODIFIED in UTC', () => {
    const text = feed([timed('u@x', '2026-07-01T15:00:00Z', '2026-07-01T16:00:00Z')]);
    expect(text).toContain('DTSTAMP:20260210T123000Z\r\n');
    expect(text).toContain('CREATED:20260105T080000Z\r\n');
    expect(text).toContain('LAST-MODIFIED:20260210T123000Z\r\n');
  });

  it('escapes commas, semicolons, backslashes and newlines and keeps umlauts', () => {
    const summary = 'Fachgespräch: Wohnen, Pflege; Teilhabe \\ Ü';
    const description =
      'Zeile eins, mit Komma;\nZeile zwei – Straße\r\nAnmeldung: https://x.example/e/1?a=1,2';
    const location = 'Bürgerhaus Köngen, Saal 2; Eingang Süd';
    const text = feed([
      timed('esc@x', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z', { summary, description, location }),
    ]);
    expect(text).toContain('SUMMARY:Fachgespräch: Wohnen\\, Pflege\\; Teilhabe \\\\ Ü\r\n');
    const [e] = parseIcs(text).entries;
    expect(e!.summary).toBe(summary);
    expect(e!.description).toBe(description.replace('\r\n', '\n'));
    expect(e!.location).toBe(location);
  });

  it('folds lines at 75 octets without splitting a multi-byte character', () => {
    const long = 'Äöü ß€ 😀 '.repeat(40);
    const text = feed([
      timed('fold@x', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z', { description: long, summary: long }),
    ]);
    const lines = rawLines(text);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split inside a UTF-8 sequence would leave U+FFFD after a round trip through bytes.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    const [e] = parseIcs(text).entries;
    expect(e!.description).toBe(long);
    expect(e!.summary).toBe(long);
  });

  it('writes cancelled entries with STATUS:CANCELLED and their raised SEQUENCE', () => {
    const v0 = timed('c@x', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z', { sequence: 0 });
    const v1 = { ...v0, sequence: 1, summary: 'Neuer Titel', lastModified: new Date('2026-03-01T00:00:00Z') };
    const v2 = {
      ...v1,
      sequence: 2,
      status: 'CANCELLED' as const,
      lastModified: new Date('2026-03-02T00:00:00Z'),
    };
    const seen = [v0, v1, v2].map((v) => parseIcs(feed([v])).entries[0]!);
    expect(seen.map((e) => e.uid)).toEqual(['c@x', 'c@x', 'c@x']);
    expect(seen.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(seen.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
  });

  it('writes all-day entries as DATE values that do not move with the zone', () => {
    const text = feed([
      {
        uid: 'deadline@x',
        sequence: 0,
        allDay: true,
        date: '2026-03-29',
        summary: 'Antragsfrist: Quartiersimpulse',
        url: 'https://foerderung.example/quartiersimpulse',
        status: 'CONFIRMED',
        created: new Date('2026-01-01T00:00:00Z'),
        lastModified: new Date('2026-01-01T00:00:00Z'),
      },
    ]);
    expect(text).toContain('DTSTART;VALUE=DATE:20260329\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20260330\r\n');
    const [e] = parseIcs(text).entries;
    expect(e!.startIsDate).toBe(true);
    expect(e!.startLocal).toBe('2026-03-29');
    expect(e!.url).toBe('https://foerderung.example/quartiersimpulse');
    // A deadline is a date, not a busy day.
    expect(text).toContain('TRANSP:TRANSPARENT\r\n');
  });

  it('writes an entry in the hour that repeats in October in UTC, so it names one instant', () => {
    // 2026-10-25: 02:30 CEST is 00:30Z, 02:30 CET is 01:30Z.
    const second = timed('ambiguous@x', '2026-10-25T01:30:00Z', '2026-10-25T02:30:00Z');
    const clear = timed('clear@x', '2026-10-25T08:00:00Z', '2026-10-25T09:00:00Z');
    const text = feed([second, clear]);
    expect(text).toContain('DTSTART:20261025T013000Z\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261025T090000\r\n');
    const parsed = parseIcs(text).entries;
    expect(parsed.find((p) => p.uid === 'ambiguous@x')!.start.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(parsed.find((p) => p.uid === 'clear@x')!.start.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // The first 02:30 (summer time) is as ambiguous as the second.
    expect(feed([timed('first@x', '2026-10-25T00:30:00Z', '2026-10-25T03:00:00Z')])).toContain(
      'DTSTART:20261025T003000Z\r\n',
    );
  });

  it('escapes commas inside a category', () => {
    const text = feed([
      timed('cat@x', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z', {
        categories: ['Beratung, Pflege und Unterstützung', 'Workshop'],
      }),
    ]);
    expect(parseIcs(text).entries[0]!.categories).toEqual(['Beratung, Pflege und Unterstützung', 'Workshop']);
  });

  it('gives the same bytes for the same entries in any order', () => {
    const a = timed('a@x', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z');
    const b = timed('b@x', '2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z');
    const c = timed('c@x', '2026-05-01T10:00:00Z', '2026-05-01T11:00:00Z');
    expect(feed([a, b, c])).toBe(feed([c, b, a]));
  });

  it('rejects an entry that ends before it starts', () => {
    expect(() => feed([timed('bad@x', '2026-06-01T10:00:00Z', '2026-06-01T09:00:00Z')])).toThrow(
      /ends before/,
    );
  });
});
