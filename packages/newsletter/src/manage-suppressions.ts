import { AppError, normaliseEmail } from '@qn/domain';
import { addressHash, Suppression, type SuppressionReason } from '@qn/mail';
import { SuppressionNote, type ManualSuppressionReason } from './models/suppression-note';
import type { NewsletterContext } from './newsletter-context';
import { op } from './trusted';

export const SUPPRESSION_PAGE_SIZE = 50;
/** Pages beyond this are not offered; an address further back is found with the check. */
export const MAX_SUPPRESSION_PAGES = 20;

/** Where an entry came from, read off its reason: the list stores nothing else about it. */
export type SuppressionSource = 'unsubscribe' | 'bounce' | 'complaint' | 'privacy' | 'console';

export type SuppressionRow = {
  addressHash: string;
  reason: SuppressionReason;
  source: SuppressionSource;
  at: Date;
  /** The office's reason, for entries made in the console. */
  note?: ManualSuppressionReason;
};

const sourceOf: Record<SuppressionReason, SuppressionSource> = {
  unsubscribed: 'unsubscribe',
  bounced: 'bounce',
  complained: 'complaint',
  erased: 'privacy',
  manual: 'console',
};

type Row = { _id: string; reason: SuppressionReason; at: Date };

async function rowsOf(docs: Row[]): Promise<SuppressionRow[]> {
  const manual = docs.filter((d) => d.reason === 'manual').map((d) => d._id);
  const notes = manual.length
    ? await SuppressionNote.find({ _id: op({ $in: manual }) }).lean<
        { _id: string; reason: ManualSuppressionReason }[]
      >()
    : [];
  const noteOf = new Map(notes.map((n) => [n._id, n.reason]));
  return docs.map((d) => ({
    addressHash: d._id,
    reason: d.reason,
    source: sourceOf[d.reason] ?? 'console',
    at: d.at,
    ...(noteOf.has(d._id) ? { note: noteOf.get(d._id) } : {}),
  }));
}

/**
 * The suppression list, newest first. It holds hashes only, so this shows what is stored and
 * nothing more. The sort reads the whole collection (FerretDB answers only `_id` lookups from an
 * index): acceptable for an admin-only page read a page at a time, with the page count capped.
 */
export async function listSuppressions(q: { reason?: SuppressionReason; page: number }): Promise<{
  total: number;
  page: number;
  pages: number;
  rows: SuppressionRow[];
}> {
  const filter = q.reason ? { reason: q.reason } : {};
  const total = await Suppression.countDocuments(filter);
  const pages = Math.min(MAX_SUPPRESSION_PAGES, Math.max(1, Math.ceil(total / SUPPRESSION_PAGE_SIZE)));
  const page = Math.min(Math.max(1, Math.floor(q.page) || 1), pages);
  const docs = await Suppression.find(filter)
    .sort({ at: -1, _id: 1 })
    .skip((page - 1) * SUPPRESSION_PAGE_SIZE)
    .limit(SUPPRESSION_PAGE_SIZE)
    .lean<Row[]>();
  return { total, page, pages, rows: await rowsOf(docs) };
}

/** One entry by its hash (an `_id` lookup), or null. */
export async function getSuppression(hash: string): Promise<SuppressionRow | null> {
  const d = await Suppression.findById(hash).lean<Row>();
  return d ? (await rowsOf([d]))[0]! : null;
}

/** "Is this address suppressed?": the address is hashed and forgotten. */
export async function checkSuppression(
  ctx: Pick<NewsletterContext, 'secret'>,
  email: string,
): Promise<SuppressionRow | null> {
  return getSuppression(addressHash(normaliseEmail(email), ctx.secret));
}

/**
 * Blocks an address by hand. An address already on the list keeps its entry (an erasure or a
 * complaint says more than "blocked by the office"); the answer says which happened.
 */
export async function addSuppression(
  ctx: Pick<NewsletterContext, 'secret'>,
  email: string,
  reason: ManualSuppressionReason,
  now = new Date(),
): Promise<{ added: boolean; row: SuppressionRow }> {
  const hash = addressHash(normaliseEmail(email), ctx.secret);
  const existing = await getSuppression(hash);
  if (existing) return { added: false, row: existing };
  await SuppressionNote.updateOne({ _id: hash }, { $set: { reason } }, { upsert: true });
  await Suppression.updateOne({ _id: hash }, { $set: { reason: 'manual', at: now } }, { upsert: true });
  return { added: true, row: (await getSuppression(hash))! };
}

/**
 * Takes an entry off the list. Subscribers stay as they are: someone who unsubscribed or
 * bounced keeps that status and gets nothing until they opt in again; only confirmed records
 * (suppressed by hand, say) receive the next campaign.
 */
export async function removeSuppression(hash: string): Promise<void> {
  if (!(await Suppression.exists({ _id: hash })))
    throw AppError.notFound('Diese Adresse steht nicht auf der Sperrliste.');
  await Suppression.deleteOne({ _id: hash });
  await SuppressionNote.deleteOne({ _id: hash });
}
