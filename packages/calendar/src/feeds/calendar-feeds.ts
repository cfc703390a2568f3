import { buildFeed } from '../build-feed';
import type { CalendarEntry } from '../calendar-entry';
import { FeedCache } from '../cache/feed-cache';
import { FeedRepresentation } from '../cache/feed-representation';
import type { FeedScope } from '../cache/feed-scope';
import { eventEntry, isFeedVisible, type FeedEvent } from './event-entry';
import {
  filterKey,
  filterLabel,
  filterQuery,
  isEmptyFilter,
  matchesFilter,
  normaliseFilter,
  type EventFilter,
} from './event-filter';
import { DAY_MS, type FeedSettings } from './feed-settings';
import {
  loadOrganisationNames,
  loadPublishedProgrammes,
  loadRegistrationsOf,
  loadVisibleEvents,
} from './feed-sources';
import { findPersonalFeed } from './manage-personal-feed';
import { hashFeedToken } from './personal-feed-token';
import { personalEntry } from './personal-entry';
import { programmeEntries } from './programme-entries';

type Generations = { current(scope: FeedScope): { gen: number; at: number } };

type Snapshot = { gen: number; loadedAt: number; events: FeedEvent[]; orgNames: Map<string, string> };

export type CalendarFeedsOptions = {
  settings: FeedSettings;
  generations: Generations;
  /** Bytes of built feeds kept per process. */
  cacheBytes?: number;
  /** Longest a public feed is served without rebuilding (covers lost broadcasts, time windows). */
  maxAgeMs?: number;
  /** Personal feeds also follow registration changes, which send no domain event: kept short. */
  personalMaxAgeMs?: number;
  now?: () => Date;
};

const FALLBACK_MODIFIED = new Date(Date.UTC(2025, 0, 1));

type Served = FeedRepresentation | Promise<FeedRepresentation>;

/** Cache keys of the feeds, for callers that remember which entry answered a URL. */
export const feedKeys = {
  events: (filter: EventFilter) => `events?${filterKey(filter)}`,
  organisation: (id: string) => `org:${id}`,
  event: (id: string) => `event:${id}`,
  funding: () => 'funding',
  personal: (token: string) => `personal:${hashFeedToken(token)}`,
};

/**
 * Every feed, built from one in-memory snapshot of the visible events per generation: a
 * filtered or per-organisation feed costs no query of its own, and a hit costs none at all.
 */
export class CalendarFeeds {
  readonly cache: FeedCache;
  private readonly s: FeedSettings;
  private readonly now: () => Date;
  private readonly maxAgeMs: number;
  private readonly personalMaxAgeMs: number;
  private snapshot?: Snapshot;
  private snapshotLoad?: { gen: number; p: Promise<Snapshot> };

  constructor(private readonly opts: CalendarFeedsOptions) {
    this.s = opts.settings;
    this.now = opts.now ?? (() => new Date());
    this.maxAgeMs = opts.maxAgeMs ?? 15 * 60_000;
    this.personalMaxAgeMs = opts.personalMaxAgeMs ?? 60_000;
    this.cache = new FeedCache(opts.generations, {
      maxBytes: opts.cacheBytes ?? 64 * 1024 * 1024,
      maxAgeMs: this.maxAgeMs,
    });
  }

  feedUrl(path: string): string {
    return `${this.s.publicUrl}/feeds${path}`;
  }

  private async events(): Promise<Snapshot> {
    const gen = this.opts.generations.current('events').gen;
    const snap = this.snapshot;
    if (snap && snap.gen === gen && Date.now() - snap.loadedAt < this.maxAgeMs) return snap;
    if (this.snapshotLoad?.gen === gen) return this.snapshotLoad.p;
    const p = (async () => {
      const [events, orgNames] = await Promise.all([
        loadVisibleEvents(this.now(), this.s),
        loadOrganisationNames(),
      ]);
      const next = { gen, loadedAt: Date.now(), events, orgNames };
      if (this.opts.generations.current('events').gen === gen) this.snapshot = next;
      return next;
    })().finally(() => {
      if (this.snapshotLoad?.p === p) this.snapshotLoad = undefined;
    });
    this.snapshotLoad = { gen, p };
    return p;
  }

  private represent(
    scope: FeedScope,
    entries: CalendarEntry[],
    text: string,
    filename: string,
  ): FeedRepresentation {
    let lm = Math.max(FALLBACK_MODIFIED.getTime(), this.opts.generations.current(scope).at);
    for (const e of entries) lm = Math.max(lm, e.lastModified.getTime());
    return FeedRepresentation.fromText(text, new Date(lm), filename);
  }

  private visible(snap: Snapshot): FeedEvent[] {
    const now = this.now();
    return snap.events.filter((e) => isFeedVisible(e, now, this.s));
  }

  private build(
    scope: FeedScope,
    name: string,
    entries: CalendarEntry[],
    filename: string,
    url?: string,
  ): FeedRepresentation {
    const text = buildFeed({
      name,
      timezone: this.s.timezone,
      refreshSeconds: this.s.refreshSeconds,
      url,
      entries,
    });
    return this.represent(scope, entries, text, filename);
  }

  /**
   * All published events, optionally filtered. The feed names its canonical URL, so every
   * spelling of a filter gives the same bytes (and ETag) in every process.
   */
  eventsFeed(given: EventFilter): Served {
    const filter = normaliseFilter(given);
    return this.cache.get(feedKeys.events(filter), 'events', async () => {
      const snap = await this.events();
      const entries = this.visible(snap)
        .filter((e) => matchesFilter(e, filter))
        .map((e) => eventEntry(e, snap.orgNames.get(e.organisationId), this.s));
      const label = filterLabel(filter, snap.orgNames);
      const name = isEmptyFilter(filter)
        ? 'Quartiersnetz – Veranstaltungen'
        : `Quartiersnetz – Veranstaltungen: ${label}`;
      return {
        rep: this.build(
          'events',
          name,
          entries,
          'veranstaltungen.ics',
          this.feedUrl(`/events.ics${filterQuery(filter)}`),
        ),
      };
    });
  }

  /** Known organisation ids (for validating the organiser filter without a query per request). */
  async organisationExists(id: string): Promise<boolean> {
    const snap = await this.events();
    if (snap.orgNames.has(id)) return true;
    // Created since the snapshot: one look, then the next snapshot knows it.
    const names = await loadOrganisationNames();
    return names.has(id);
  }

  /** One organisation's published events, or null for an unknown organisation. */
  async organisationFeed(organisationId: string): Promise<FeedRepresentation | null> {
    if (!(await this.organisationExists(organisationId))) return null;
    return this.cache.get(feedKeys.organisation(organisationId), 'events', async () => {
      const snap = await this.events();
      const name = snap.orgNames.get(organisationId) ?? organisationId;
      const entries = this.visible(snap)
        .filter((e) => e.organisationId === organisationId)
        .map((e) => eventEntry(e, name, this.s));
      return {
        rep: this.build(
          'events',
          `Quartiersnetz – ${name}`,
          entries,
          `${organisationId}.ics`,
          this.feedUrl(`/organisations/${organisationId}.ics`),
        ),
      };
    });
  }

  /** A single event as an .ics download, or null when it is not public. */
  async eventIcs(eventId: string): Promise<FeedRepresentation | null> {
    const hit = this.cache.peek(feedKeys.event(eventId), 'events');
    if (hit) return hit;
    const snap = await this.events();
    const e = this.visible(snap).find((x) => String(x._id) === eventId);
    if (!e) return null;
    return this.cache.get(feedKeys.event(eventId), 'events', async () => {
      const entry = eventEntry(e, snap.orgNames.get(e.organisationId), this.s);
      return { rep: this.build('events', e.title, [entry], `veranstaltung-${eventId}.ics`) };
    });
  }

  /** Deadlines of published funding programmes as all-day entries. */
  fundingFeed(): Served {
    return this.cache.get(feedKeys.funding(), 'funding', async () => {
      const from = new Date(this.now().getTime() - this.s.pastDays * DAY_MS).toISOString().slice(0, 10);
      const programmes = await loadPublishedProgrammes();
      const entries = programmes.flatMap((p) => programmeEntries(p, from));
      return {
        rep: this.build(
          'funding',
          'Quartiersnetz – Förderfristen',
          entries,
          'foerderfristen.ics',
          this.feedUrl('/funding-deadlines.ics'),
        ),
      };
    });
  }

  /**
   * One person's registrations, or null for a token that is unknown, rotated or revoked. Only
   * that person's entries, with their status; nothing about other attendees.
   */
  async personalFeed(token: string): Promise<FeedRepresentation | null> {
    const key = feedKeys.personal(token);
    const hit = this.cache.peek(key, 'events');
    if (hit) return hit;
    const owner = await findPersonalFeed(token);
    if (!owner) return null;
    return this.cache.get(
      key,
      'events',
      async () => {
        const [snap, regs] = await Promise.all([this.events(), loadRegistrationsOf(owner.key, owner.email)]);
        const byId = new Map(snap.events.map((e) => [String(e._id), e]));
        const now = this.now().getTime();
        const entries: CalendarEntry[] = [];
        for (const r of regs) {
          const e = byId.get(r.eventId);
          if (!e || (e.status === 'cancelled' && !e.publishedAt)) continue;
          const off = r.status === 'cancelled' || r.status === 'offer-expired' || e.status === 'cancelled';
          const horizon = (off ? this.s.cancelledRetentionDays : this.s.pastDays) * DAY_MS;
          if (e.endsAt.getTime() < now - horizon) continue;
          entries.push(personalEntry(r, e, snap.orgNames.get(e.organisationId), this.s));
        }
        return {
          rep: this.build(
            'events',
            'Quartiersnetz – Meine Veranstaltungen',
            entries,
            'meine-veranstaltungen.ics',
          ),
          tag: owner.key,
        };
      },
      this.personalMaxAgeMs,
    );
  }

  /** After rotation or revocation: that person's built feed must not be served again. */
  dropPersonal(registrantKey: string): void {
    this.cache.dropTag(registrantKey);
  }
}
