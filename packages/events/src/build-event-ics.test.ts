import { Types } from 'mongoose';
import { buildEventIcs } from './build-event-ics';

describe('buildEventIcs', () => {
  const _id = new Types.ObjectId('65a000000000000000000001');
  const event = {
    _id,
    title: 'Vernetzungstreffen',
    description: 'Austausch',
    startsAt: new Date('2026-12-10T17:00:00Z'),
    endsAt: new Date('2026-12-10T19:00:00Z'),
    venue: { name: 'Rathaus', city: 'Köngen' },
    sequence: 3,
    contact: { name: 'Gemeinde Köngen', email: 'info@example.org' },
    createdAt: new Date('2026-11-01T10:00:00Z'),
    updatedAt: new Date('2026-11-02T10:00:00Z'),
  };

  it('invites with a stable UID and the event sequence', () => {
    const ics = buildEventIcs({
      event,
      method: 'REQUEST',
      url: 'http://x/e',
      attendee: { email: 'a@example.org' },
      timeZone: 'Europe/Berlin',
    });
    expect(ics.content).toContain('METHOD:REQUEST');
    expect(ics.content).toContain('UID:event-65a000000000000000000001@quartiersnetz');
    expect(ics.content).toContain('SEQUENCE:3');
    expect(ics.content).toContain('DTSTART;TZID=Europe/Berlin:20261210T180000');
    expect(ics.content).toContain('BEGIN:VTIMEZONE');
    expect(ics.filename).toBe('einladung.ics');
  });

  it('cancels the same entry', () => {
    const ics = buildEventIcs({
      event,
      method: 'CANCEL',
      url: 'http://x/e',
      attendee: { email: 'a@example.org' },
      timeZone: 'Europe/Berlin',
    });
    expect(ics.content).toContain('METHOD:CANCEL');
    expect(ics.content).toContain('STATUS:CANCELLED');
    expect(ics.content).toContain('UID:event-65a000000000000000000001@quartiersnetz');
  });
});
