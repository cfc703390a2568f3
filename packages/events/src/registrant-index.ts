import mongoose from 'mongoose';
import { registrantKey } from '@qn/calendar';
import { Registration, type RegistrationDoc } from './models/registration';
import { EventLookupBackfill, REGISTRANT_INDEX_BACKFILL, RegistrantIndex } from './models/registrant-index';
import { OWN_ACT_WAIT_MS, withLock } from './event-lock';
import { hasEmail } from './contact';
import type { EventsDeps } from './events-deps';

export type RegistrantIndexDeps = Pick<EventsDeps, 'redis' | 'keyPrefix' | 'secretKey'>;

const lockOf = (key: string) => `registrant:${key}`;

/**
 * Adds a registration to its address's index. Under the address's lock: FerretDB applies even
 * `$addToSet` as read, change, write, so two registrations of one address at once would lose
 * one. The registration is already stored, so it waits its turn rather than failing fast.
 */
export async function indexRegistration(
  deps: RegistrantIndexDeps,
  email: string,
  registrationId: string,
): Promise<void> {
  const _id = registrantKey(deps.secretKey, email);
  await withLock(
    deps,
    lockOf(_id),
    () =>
      RegistrantIndex.updateOne(
        { _id },
        { $addToSet: { registrationIds: registrationId }, $set: { updatedAt: new Date() } },
        { upsert: true },
      ),
    { waitMs: OWN_ACT_WAIT_MS },
  );
}

/**
 * Adds those of `regs` their address's index lacks (a registration whose index write failed, a
 * registration from before the index): one read by `_id` per address, a locked write only when
 * something is missing.
 */
export async function ensureIndexed(
  deps: RegistrantIndexDeps,
  regs: Pick<RegistrationDoc, '_id' | 'email' | 'anonymisedAt'>[],
): Promise<number> {
  const byEmail = new Map<string, string[]>();
  for (const r of regs) {
    if (r.anonymisedAt || !hasEmail(r.email)) continue;
    byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), String(r._id)]);
  }
  let added = 0;
  for (const [email, ids] of byEmail) {
    const doc = await RegistrantIndex.findById(registrantKey(deps.secretKey, email)).lean();
    const known = new Set(doc?.registrationIds ?? []);
    for (const id of ids.filter((i) => !known.has(i))) {
      await indexRegistration(deps, email, id);
      added++;
    }
  }
  return added;
}

/**
 * Takes registrations out of their addresses' indexes (retention blanks their addresses); an
 * index left empty goes, so nothing derived from the address stays behind.
 */
export async function unindexRegistrations(
  deps: RegistrantIndexDeps,
  regs: Pick<RegistrationDoc, '_id' | 'email'>[],
): Promise<void> {
  const byEmail = new Map<string, Set<string>>();
  for (const r of regs) byEmail.set(r.email, (byEmail.get(r.email) ?? new Set()).add(String(r._id)));
  for (const [email, gone] of byEmail) {
    const _id = registrantKey(deps.secretKey, email);
    await withLock(
      deps,
      lockOf(_id),
      async () => {
        const doc = await RegistrantIndex.findById(_id).lean();
        if (!doc) return;
        const left = doc.registrationIds.filter((id) => !gone.has(id));
        if (left.length === 0) await RegistrantIndex.deleteOne({ _id });
        else
          await RegistrantIndex.updateOne(
            { _id },
            { $set: { registrationIds: left, updatedAt: new Date() } },
          );
      },
      { waitMs: OWN_ACT_WAIT_MS },
    );
  }
}

/**
 * Erasure: the whole index of the address goes. No lock needed: a registration racing with the
 * erasure either lands before (and goes with it) or after (and starts a new index, rightly).
 */
export async function dropRegistrantIndex(deps: Pick<EventsDeps, 'secretKey'>, email: string): Promise<void> {
  await RegistrantIndex.deleteOne({ _id: registrantKey(deps.secretKey, email) });
}

/** Whether every registration has been indexed (one read by `_id`). */
export async function registrantIndexComplete(): Promise<boolean> {
  return (await EventLookupBackfill.findById(REGISTRANT_INDEX_BACKFILL).lean()) !== null;
}

/**
 * The ids of every registration of the address, by one read of its index. Until the backfill
 * has finished, the old query by address runs as well (a full read on FerretDB), so
 * registrations from before the index are never missed. Callers read each by `_id` and check it
 * still carries the address.
 */
export async function registrationIdsOfAddress(
  deps: Pick<EventsDeps, 'secretKey'>,
  email: string,
): Promise<string[]> {
  const doc = await RegistrantIndex.findById(registrantKey(deps.secretKey, email)).lean();
  const ids = new Set(doc?.registrationIds ?? []);
  if (!(await registrantIndexComplete()))
    for (const r of await Registration.find({ email }, { _id: 1 }).lean()) ids.add(String(r._id));
  return [...ids];
}

/**
 * Indexes every registration stored before the index existed, once per database: one pass over
 * the collection, then a marker. Idempotent and resumable (an interrupted pass just runs again;
 * an indexed registration costs one read). New registrations index themselves meanwhile.
 */
export async function backfillRegistrantIndex(
  deps: RegistrantIndexDeps,
): Promise<{ added: number; skipped: boolean }> {
  if (await registrantIndexComplete()) return { added: 0, skipped: true };
  let added = 0;
  const cursor = Registration.find(
    { anonymisedAt: mongoose.trusted({ $exists: false }) },
    { _id: 1, email: 1, anonymisedAt: 1 },
  )
    .lean<Pick<RegistrationDoc, '_id' | 'email' | 'anonymisedAt'>[]>()
    .cursor({ batchSize: 500 });
  for await (const r of cursor as AsyncIterable<Pick<RegistrationDoc, '_id' | 'email' | 'anonymisedAt'>>)
    added += await ensureIndexed(deps, [r]);
  await EventLookupBackfill.updateOne(
    { _id: REGISTRANT_INDEX_BACKFILL },
    { $set: { doneAt: new Date(), added } },
    { upsert: true },
  );
  return { added, skipped: false };
}
