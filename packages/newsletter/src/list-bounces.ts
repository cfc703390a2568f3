import { Bounce, type BounceDoc, type BounceKind } from './models/bounce';
import { NewsletterList } from './models/newsletter-list';
import { Subscriber, subscriberIdOf, type SubscriberDoc } from './models/subscriber';
import { op } from './trusted';

export const BOUNCE_PAGE_SIZE = 50;
/** Pages beyond this are not offered: the office works from the newest reports. */
export const MAX_BOUNCE_PAGES = 20;

export type BounceRow = {
  addressHash: string;
  hard: number;
  soft: number;
  lastKind: BounceKind;
  lastAt: Date;
  lastStatus?: string;
  /** The address's records, as the subscriber list shows them; empty once erased or deleted. */
  subscribers: (Pick<SubscriberDoc, '_id' | 'email' | 'name' | 'status'> & {
    listId: string;
    listName: string;
  })[];
};

/**
 * The bounce list for the console, newest first, `hard` = addresses with a hard bounce, `soft` =
 * with a soft one. The filter and sort read the whole bounce collection (FerretDB answers only
 * `_id` lookups from an index): acceptable here because the collection holds one small document
 * per bouncing address, is read by admins only, a page at a time, and never on a public path.
 * The subscriber records behind each row are fetched by `_id` (list × address hash).
 */
export async function listBounces(q: { kind?: BounceKind; page: number }): Promise<{
  total: number;
  page: number;
  pages: number;
  rows: BounceRow[];
}> {
  const filter = q.kind ? { [q.kind]: op({ $gt: 0 }) } : {};
  const total = await Bounce.countDocuments(filter);
  const pages = Math.min(MAX_BOUNCE_PAGES, Math.max(1, Math.ceil(total / BOUNCE_PAGE_SIZE)));
  const page = Math.min(Math.max(1, Math.floor(q.page) || 1), pages);
  const [docs, lists] = await Promise.all([
    Bounce.find(filter)
      .sort({ lastAt: -1, _id: 1 })
      .skip((page - 1) * BOUNCE_PAGE_SIZE)
      .limit(BOUNCE_PAGE_SIZE)
      .lean<BounceDoc[]>(),
    NewsletterList.find({}, { _id: 1, name: 1 }).sort({ name: 1 }).lean<{ _id: string; name: string }[]>(),
  ]);
  const rows = await Promise.all(
    docs.map(async (b) => {
      const found = await Promise.all(
        lists.map(async (l) => {
          const s = await Subscriber.findById(subscriberIdOf(l._id, b._id), {
            email: 1,
            name: 1,
            status: 1,
            addressHash: 1,
          }).lean<Pick<SubscriberDoc, '_id' | 'email' | 'name' | 'status' | 'addressHash'>>();
          // An erased record keeps its `_id` but not its hash: it is nobody's any more.
          return s && s.addressHash === b._id
            ? { _id: s._id, email: s.email, name: s.name, status: s.status, listId: l._id, listName: l.name }
            : null;
        }),
      );
      return {
        addressHash: b._id,
        hard: b.hard,
        soft: b.soft,
        lastKind: b.lastKind,
        lastAt: b.lastAt,
        lastStatus: b.lastStatus,
        subscribers: found.filter((s): s is NonNullable<typeof s> => s !== null),
      };
    }),
  );
  return { total, page, pages, rows };
}
