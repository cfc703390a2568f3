import {
  googleEventUrl,
  googleSubscribeUrl,
  outlookEventUrl,
  outlookSubscribeUrl,
  webcalUrl,
} from './calendar-links';
import type { CalendarEntry } from './calendar-entry';

const entry: CalendarEntry = {
  uid: 'event-1@q.example',
  sequence: 0,
  start: new Date('2026-03-28T09:00:00Z'),
  end: new Date('2026-03-28T11:00:00Z'),
  summary: 'Workshop Mobilität & Teilhabe',
  description: 'Für alle, die mitmachen wollen.',
  location: 'Köngen, Bürgerhaus',
  url: 'https://q.example/veranstaltungen/1',
  status: 'CONFIRMED',
  created: new Date(0),
  lastModified: new Date(0),
};

describe('calendar links', () => {
  it('turns an http(s) feed URL into webcal://, keeping path and query', () => {
    expect(webcalUrl('https://q.example/feeds/events.ics?municipality=koengen')).toBe(
      'webcal://q.example/feeds/events.ics?municipality=koengen',
    );
    expect(webcalUrl('http://127.0.0.1:3000/feeds/events.ics')).toBe(
      'webcal://127.0.0.1:3000/feeds/events.ics',
    );
    expect(() => webcalUrl('ftp://x/y')).toThrow();
  });

  it('builds subscribe links for Google and Outlook', () => {
    const g = new URL(googleSubscribeUrl('https://q.example/feeds/events.ics'));
    expect(g.searchParams.get('cid')).toBe('webcal://q.example/feeds/events.ics');
    const o = new URL(outlookSubscribeUrl('https://q.example/feeds/events.ics', 'Quartiersnetz – Termine'));
    expect(o.host).toBe('outlook.live.com');
    expect(o.searchParams.get('url')).toBe('https://q.example/feeds/events.ics');
    expect(o.searchParams.get('name')).toBe('Quartiersnetz – Termine');
    expect(new URL(outlookSubscribeUrl('https://q.example/f.ics', 'x', 'office')).host).toBe(
      'outlook.office.com',
    );
  });

  it('builds "add to Google" with UTC times and the zone', () => {
    const u = new URL(googleEventUrl(entry, 'Europe/Berlin'));
    expect(u.searchParams.get('action')).toBe('TEMPLATE');
    expect(u.searchParams.get('text')).toBe('Workshop Mobilität & Teilhabe');
    expect(u.searchParams.get('dates')).toBe('20260328T090000Z/20260328T110000Z');
    expect(u.searchParams.get('ctz')).toBe('Europe/Berlin');
    expect(u.searchParams.get('location')).toBe('Köngen, Bürgerhaus');
    expect(u.searchParams.get('details')).toContain('https://q.example/veranstaltungen/1');
  });

  it('builds "add to Outlook" with ISO instants, and all-day dates for deadlines', () => {
    const u = new URL(outlookEventUrl(entry));
    expect(u.searchParams.get('rru')).toBe('addevent');
    expect(u.searchParams.get('startdt')).toBe('2026-03-28T09:00:00.000Z');
    expect(u.searchParams.get('subject')).toBe('Workshop Mobilität & Teilhabe');
    const deadline: CalendarEntry = { ...entry, allDay: true, date: '2026-12-31' } as CalendarEntry;
    const d = new URL(outlookEventUrl(deadline, 'office'));
    expect(d.host).toBe('outlook.office.com');
    expect(d.searchParams.get('startdt')).toBe('2026-12-31');
    expect(d.searchParams.get('enddt')).toBe('2027-01-01');
    expect(d.searchParams.get('allday')).toBe('true');
    expect(new URL(googleEventUrl(deadline, 'Europe/Berlin')).searchParams.get('dates')).toBe(
      '20261231/20270101',
    );
  });

  it('names the page once when the description already carries its URL (as event entries do)', () => {
    const withUrl = { ...entry, description: `Für alle.\n\n${entry.url}` };
    const count = (s: string | null) => (s ?? '').split(entry.url!).length - 1;
    expect(count(new URL(googleEventUrl(withUrl, 'Europe/Berlin')).searchParams.get('details'))).toBe(1);
    expect(count(new URL(outlookEventUrl(withUrl)).searchParams.get('body'))).toBe(1);
    expect(count(new URL(outlookEventUrl(entry)).searchParams.get('body'))).toBe(1);
  });
});
