import { buildInvitationIcs } from './build-invitation-ics';
import type { CalendarEntry } from './calendar-entry';
import { parseIcs } from '../../../test/calendar/parse-ics';

const entry: CalendarEntry = {
  uid: 'event-42@quartiersnetz.example',
  sequence: 3,
  start: new Date('2026-10-26T09:00:00Z'),
  end: new Date('2026-10-26T11:00:00Z'),
  summary: 'Vernetzungstreffen Nürtingen, Herbst',
  description: 'Anmeldung verwalten: https://q.example/anmeldung/abc',
  location: 'Rathaus Nürtingen, Marktstraße 7',
  status: 'CONFIRMED',
  created: new Date('2026-09-01T08:00:00Z'),
  lastModified: new Date('2026-10-01T08:00:00Z'),
};
const base = {
  entry,
  timezone: 'Europe/Berlin',
  organizer: { name: 'Koordination Quartier', email: 'quartier@example.org' },
  attendee: { email: 'anna@example.org', name: 'Anna Müller', status: 'accepted' as const },
};

describe('buildInvitationIcs', () => {
  it('writes a REQUEST with organizer, the one attendee, the feed uid and sequence', () => {
    const ics = buildInvitationIcs({ ...base, method: 'REQUEST' });
    expect(ics.method).toBe('REQUEST');
    expect(ics.filename).toMatch(/\.ics$/);
    const cal = parseIcs(ics.content);
    expect(cal.method).toBe('REQUEST');
    expect(cal.entries).toHaveLength(1);
    const [e] = cal.entries;
    expect(e).toMatchObject({
      uid: entry.uid,
      sequence: 3,
      status: 'CONFIRMED',
      hasOrganizer: true,
      hasAttendee: true,
    });
    expect(e!.start.toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(ics.content).toContain('DTSTART;TZID=Europe/Berlin:20261026T100000\r\n');
    expect(ics.content).toMatch(/ATTENDEE;[^\r]*PARTSTAT=ACCEPTED/);
    expect(ics.content).toContain('mailto:quartier@example.org');
  });

  it('writes a CANCEL as STATUS:CANCELLED whatever the entry said', () => {
    const ics = buildInvitationIcs({ ...base, method: 'CANCEL', entry: { ...entry, sequence: 4 } });
    const cal = parseIcs(ics.content);
    expect(cal.method).toBe('CANCEL');
    expect(cal.entries[0]).toMatchObject({ uid: entry.uid, sequence: 4, status: 'CANCELLED' });
  });
});
