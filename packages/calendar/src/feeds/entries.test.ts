import { eventEntry, isFeedVisible, locationOf, type FeedEvent } from './event-entry';
import { defaultFeedSettings } from './feed-settings';
import { personalEntry, type FeedRegistration } from './personal-entry';
import { programmeEntries, programmeSequence } from './programme-entries';

const s = defaultFeedSettings('https://q.example/');
const ev: FeedEvent = {
  _id: 'abc',
  organisationId: 'stadt-nuertingen',
  title: 'Fachgespräch Pflege',
  description: 'Worum es geht.',
  kind: 'fachgespraech',
  fieldsOfAction: ['pflege'],
  municipality: 'nuertingen',
  venue: { name: 'Rathaus', postalCode: '72622', city: 'Nürtingen' },
  startsAt: new Date('2026-12-01T09:00:00Z'),
  endsAt: new Date('2026-12-01T11:00:00Z'),
  status: 'published',
  sequence: 4,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  createdAt: new Date('2026-10-01T00:00:00Z'),
  updatedAt: new Date('2026-11-02T00:00:00Z'),
};
const day = 86_400_000;

describe('public event entries', () => {
  it('describes the event with its page, kind, fields and organiser, and no contact data', () => {
    const e = eventEntry(ev, 'Stadt Nürtingen', s);
    expect(e.url).toBe('https://q.example/veranstaltungen/abc');
    expect(e.description).toContain('Art: Fachgespräch');
    expect(e.description).toContain('Handlungsfelder: Beratung, Pflege und Unterstützung');
    expect(e.description).toContain('Veranstalter: Stadt Nürtingen');
    expect(e.description).toContain('Details und Anmeldung: https://q.example/veranstaltungen/abc');
    expect(e.location).toBe('Rathaus, 72622 Nürtingen');
    expect(e.sequence).toBe(4);
  });

  it('never puts a meeting link into a public entry, only a note that confirmed people get it', () => {
    expect(locationOf({ venue: { name: '' }, onlineUrl: 'https://meet.example/x' })).toBe('Online');
    expect(locationOf({ venue: { name: 'Saal' }, onlineUrl: 'https://m.example' })).toBe(
      'Saal (auch online)',
    );
    expect(locationOf({ venue: { name: 'Saal' }, onlineUrl: 'https://m.example' }, { withLink: true })).toBe(
      'Saal (online: https://m.example)',
    );
    const online = eventEntry({ ...ev, onlineUrl: 'https://meet.example/geheim' }, undefined, s);
    expect(JSON.stringify(online)).not.toContain('meet.example');
    expect(online.description).toContain('Den Zugangslink erhalten bestätigte Teilnehmende');
  });

  it('keeps cancelled events for the retention after their end, published ones for the past window', () => {
    const end = ev.endsAt.getTime();
    const cancelled = { ...ev, status: 'cancelled' as const };
    expect(isFeedVisible(cancelled, new Date(end + 29 * day), s)).toBe(true);
    expect(isFeedVisible(cancelled, new Date(end + 31 * day), s)).toBe(false);
    expect(isFeedVisible({ ...cancelled, publishedAt: undefined }, new Date(end), s)).toBe(false);
    expect(isFeedVisible(ev, new Date(end + 179 * day), s)).toBe(true);
    expect(isFeedVisible(ev, new Date(end + 181 * day), s)).toBe(false);
    expect(isFeedVisible({ ...ev, status: 'draft' }, new Date(end - day), s)).toBe(false);
  });
});

describe('personal entries', () => {
  const reg = (
    status: FeedRegistration['status'],
    over: Partial<FeedRegistration> = {},
  ): FeedRegistration => ({
    _id: 'r1',
    eventId: 'abc',
    status,
    updatedAt: new Date('2026-11-05T00:00:00Z'),
    ...over,
  });

  it('shows an open offer as TENTATIVE with its deadline in German time', () => {
    const e = personalEntry(
      reg('offered', { offerExpiresAt: new Date('2026-11-28T17:00:00Z') }),
      ev,
      undefined,
      s,
    );
    expect(e.status).toBe('TENTATIVE');
    expect(e.summary).toBe('Platz angeboten: Fachgespräch Pflege');
    expect(e.description).toMatch(/^Ihr Status: Platz angeboten – bitte bis 28\.11\.2026, 18:00 annehmen/);
    expect(e.sequence).toBe(5);
    // The invitation mail's UID: a person who imported it and subscribes sees one entry.
    expect(e.uid).toBe(`event-${ev._id}@quartiersnetz`);
    expect(e.lastModified.toISOString()).toBe('2026-11-05T00:00:00.000Z');
  });

  it('shows a confirmed registration of a cancelled event as CANCELLED', () => {
    const e = personalEntry(reg('confirmed'), { ...ev, status: 'cancelled' }, undefined, s);
    expect(e.status).toBe('CANCELLED');
    expect(e.summary).toBe('Abgesagt: Fachgespräch Pflege');
  });

  it('gives the meeting link to a confirmed person only', () => {
    const online = { ...ev, onlineUrl: 'https://meet.example/geheim' };
    const confirmed = personalEntry(reg('confirmed'), online, undefined, s);
    expect(confirmed.location).toContain('https://meet.example/geheim');
    expect(confirmed.description).toContain('Online: https://meet.example/geheim');
    for (const st of ['waitlisted', 'offered', 'cancelled'] as const)
      expect(JSON.stringify(personalEntry(reg(st), online, undefined, s))).not.toContain('meet.example');
    expect(
      JSON.stringify(personalEntry(reg('confirmed'), { ...online, status: 'cancelled' }, undefined, s)),
    ).not.toContain('meet.example');
  });

  it('raises SEQUENCE along the usual path of a registration', () => {
    const seqs = (['waitlisted', 'offered', 'confirmed', 'cancelled'] as const).map(
      (st) => personalEntry(reg(st), ev, undefined, s).sequence,
    );
    expect(seqs).toEqual([4, 5, 6, 7]);
  });
});

describe('programme deadline entries', () => {
  const p = {
    _id: 'qi',
    title: 'Quartiersimpulse',
    provider: 'land',
    providerName: 'Sozialministerium',
    summary: 'Zuschüsse.',
    deadlines: ['2026-01-31', '2026-06-30', '2026-06-30'],
    links: [{ label: 'Ausschreibung', url: 'https://land.example/qi' }],
    status: 'published',
    createdAt: new Date('2025-06-01T00:00:00Z'),
    updatedAt: new Date('2026-02-01T00:00:00Z'),
  };

  it('makes one all-day entry per distinct deadline from the given date on', () => {
    const es = programmeEntries(p, '2026-02-01');
    expect(es.map((e) => (e.allDay ? e.date : ''))).toEqual(['2026-06-30']);
    expect(es[0]).toMatchObject({
      uid: 'funding-qi-2026-06-30@quartiersnetz',
      url: 'https://land.example/qi',
    });
    expect(es[0]!.description).toContain('Fördergeber: Sozialministerium (Land Baden-Württemberg)');
  });

  it('raises SEQUENCE with every later change', () => {
    expect(programmeSequence(new Date('2026-02-01T00:01:00Z'))).toBeGreaterThan(
      programmeSequence(new Date('2026-02-01T00:00:00Z')),
    );
    expect(programmeSequence(new Date('2020-01-01T00:00:00Z'))).toBe(0);
  });
});
