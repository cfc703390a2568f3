import type { AuditEntryView } from '@qn/audit';
import { Account, Organisation } from '@qn/auth';
import { Event, EventSeries, Registration } from '@qn/events';
import { Programme } from '@qn/funding';
import { Campaign, NewsletterList } from '@qn/newsletter';

/** Where an audited object lives in the console, and what it is called there. */
export type ObjectRef = { href?: string; name?: string };

const OBJECT_ID = /^[0-9a-f]{24}$/;

type Lookup = (id: string) => Promise<ObjectRef | undefined>;

/**
 * One lookup by `_id` per distinct object (at most a page of 50): the only filter FerretDB answers
 * without reading the whole collection. Registrations link to their event's page.
 */
const lookups: Record<string, Lookup> = {
  event: async (id) => {
    if (!OBJECT_ID.test(id)) return undefined;
    const e = await Event.findById(id, { title: 1 }).lean();
    return e ? { href: `/konsole/veranstaltungen/${id}`, name: e.title } : undefined;
  },
  'event-series': async (id) => {
    if (!OBJECT_ID.test(id)) return undefined;
    const s = await EventSeries.findById(id, { 'template.title': 1 }).lean();
    return s ? { href: `/konsole/reihen/${id}`, name: s.template.title } : undefined;
  },
  'event-registration': async (id) => {
    if (!OBJECT_ID.test(id)) return undefined;
    const r = await Registration.findById(id, { eventId: 1 }).lean();
    if (!r) return undefined;
    const e = OBJECT_ID.test(r.eventId) ? await Event.findById(r.eventId, { title: 1 }).lean() : null;
    return e ? { href: `/konsole/veranstaltungen/${r.eventId}`, name: e.title } : undefined;
  },
  'funding-programme': async (id) => {
    const p = await Programme.findById(id, { title: 1 }).lean();
    return p ? { href: `/konsole/foerderprogramme/${encodeURIComponent(id)}`, name: p.title } : undefined;
  },
  'newsletter-campaign': async (id) => {
    const c = await Campaign.findById(id, { name: 1 }).lean();
    return c ? { href: `/konsole/newsletter/kampagnen/${encodeURIComponent(id)}`, name: c.name } : undefined;
  },
  'newsletter-list': async (id) => {
    const l = await NewsletterList.findById(id, { name: 1 }).lean();
    return l ? { href: `/konsole/newsletter/listen/${encodeURIComponent(id)}`, name: l.name } : undefined;
  },
  account: async (id) => {
    if (!OBJECT_ID.test(id)) return undefined;
    const a = await Account.findById(id, { email: 1 }).lean();
    return a ? { href: `/konsole/konten/${id}`, name: a.email } : undefined;
  },
  organisation: async (id) => {
    const o = await Organisation.findById(id, { name: 1 }).lean();
    return o ? { href: `/konsole/organisationen/${encodeURIComponent(id)}`, name: o.name } : undefined;
  },
};

/** Keyed `<objectType>|<objectId>`; objects that are gone or have no page are left out. */
export async function objectRefsOf(entries: AuditEntryView[]): Promise<Map<string, ObjectRef>> {
  const keys = [
    ...new Set(entries.filter((e) => lookups[e.objectType]).map((e) => `${e.objectType}|${e.objectId}`)),
  ];
  const out = new Map<string, ObjectRef>();
  await Promise.all(
    keys.map(async (key) => {
      const cut = key.indexOf('|');
      const ref = await lookups[key.slice(0, cut)]!(key.slice(cut + 1)).catch(() => undefined);
      if (ref) out.set(key, ref);
    }),
  );
  return out;
}
