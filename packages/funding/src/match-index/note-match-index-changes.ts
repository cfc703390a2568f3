import { randomBytes } from 'node:crypto';
import { MatchIndexChange, type MatchIndexChangeDoc } from '../models/match-index-change';
import { Subscription } from '../models/subscription';
import { op } from '../trusted';
import { INDEXED_FIELDS, indexedStateOf, type IndexableSubscription } from './indexed-state';

const changeId = (subscriptionId: string, at: Date) =>
  `${at.getTime().toString(36).padStart(10, '0')}-${subscriptionId}-${randomBytes(4).toString('hex')}`;

/**
 * Records, after a database write, what the match index must now hold for these subscriptions
 * (read back from the database, so the entry carries the state the write left). Called by every
 * domain function that confirms, changes, ends or erases a subscription.
 */
export async function noteMatchIndexChanges(subs: readonly IndexableSubscription[]): Promise<void> {
  if (subs.length === 0) return;
  const at = new Date();
  const docs: MatchIndexChangeDoc[] = subs.map((s) => ({
    _id: changeId(s._id, at),
    subscriptionId: s._id,
    state: indexedStateOf(s),
    at,
  }));
  await MatchIndexChange.collection.insertMany(docs as never[]);
}

/** For writes that only end subscriptions: they leave the index whatever they held. */
export async function noteRemovedFromMatchIndex(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const at = new Date();
  await MatchIndexChange.collection.insertMany(
    ids.map((id) => ({ _id: changeId(id, at), subscriptionId: id, state: null, at })) as never[],
  );
}

/** Reads one subscription back after a write and notes its state. */
export async function noteMatchIndexChangeOf(id: string): Promise<void> {
  const s = await Subscription.findById(id, INDEXED_FIELDS).lean<IndexableSubscription>();
  if (s) await noteMatchIndexChanges([s]);
  else await noteRemovedFromMatchIndex([id]);
}

/** Several subscriptions read back at once (one query). */
export async function noteMatchIndexChangesOf(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.length === 1) return noteMatchIndexChangeOf(ids[0]!);
  const found = await Subscription.find({ _id: op({ $in: [...ids] }) }, INDEXED_FIELDS).lean<
    IndexableSubscription[]
  >();
  const seen = new Set(found.map((s) => s._id));
  await noteMatchIndexChanges(found);
  await noteRemovedFromMatchIndex(ids.filter((id) => !seen.has(id)));
}
