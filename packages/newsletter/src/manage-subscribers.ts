import { AppError, normaliseEmail } from '@qn/domain';
import { addressHash, Suppression } from '@qn/mail';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { getList } from './lists';
import {
  Subscriber,
  subscriberIdOf,
  type ConsentMethod,
  type SubscriberAttributes,
  type SubscriberDoc,
  type SubscriberStatus,
} from './models/subscriber';
import type { Lang } from './models/newsletter-list';
import type { NewsletterContext } from './newsletter-context';
import { newId } from './new-id';
import { op } from './trusted';
import { addressLock, withLock } from './redis-lock';
import { enqueueConfirmationMail } from './subscriber-mails';
import { isDuplicateKeyError } from '@qn/db';

export type AddSubscriberInput = {
  email: string;
  name?: string;
  lang?: Lang;
  attributes?: Partial<SubscriberAttributes>;
  /** Consent given elsewhere (a paper form, an event sign-up sheet): stored as confirmed. */
  consent?: { at: Date; method?: ConsentMethod; textVersion?: string };
};

/**
 * An admin adds one address. With a documented consent (date, how, which text) it is confirmed
 * at once; without, it is pending and gets the confirmation mail. A suppressed address is
 * refused: only the person can lift that, by confirming a new sign-up.
 */
export async function addSubscriber(
  ctx: NewsletterContext,
  listId: string,
  input: AddSubscriberInput,
  opts: { now?: Date; requestId?: string } = {},
): Promise<SubscriberDoc> {
  const now = opts.now ?? new Date();
  const list = await getList(listId);
  const email = normaliseEmail(input.email);
  const hash = addressHash(email, ctx.secret);
  if (await Suppression.exists({ _id: hash }))
    throw AppError.conflict(
      'Diese Adresse ist gesperrt (abgemeldet, unzustellbar oder beschwert). Nur eine neue, selbst bestätigte Anmeldung hebt die Sperre auf.',
    );
  if (input.consent && input.consent.at.getTime() > now.getTime() + 60_000)
    throw AppError.validation([{ field: 'consent.at', message: 'must not be in the future' }]);
  const confirmed = !!input.consent;
  const doc: Omit<SubscriberDoc, 'createdAt' | 'updatedAt'> = {
    _id: subscriberIdOf(list._id, hash),
    listId: list._id,
    email,
    addressHash: hash,
    name: input.name?.trim() || undefined,
    lang: input.lang ?? list.lang,
    status: confirmed ? 'confirmed' : 'pending',
    consent: confirmed
      ? {
          at: input.consent!.at,
          method: input.consent!.method ?? 'admin',
          textVersion: input.consent!.textVersion ?? CONSENT_TEXT_VERSION,
        }
      : { requestedAt: now, method: 'admin', textVersion: CONSENT_TEXT_VERSION },
    attributes: { fieldsOfAction: [], ...input.attributes },
    ...(confirmed ? { confirmedAt: now } : { confirmNonce: newId(), confirmRequestedAt: now }),
  };
  try {
    await Subscriber.create(doc);
  } catch (err) {
    if (isDuplicateKeyError(err)) throw AppError.conflict('Diese Adresse steht schon auf der Liste.');
    throw err;
  }
  if (!confirmed) await enqueueConfirmationMail(ctx, doc, list, opts.requestId);
  return (await Subscriber.findById(doc._id).lean<SubscriberDoc>())!;
}

export async function getSubscriber(id: string): Promise<SubscriberDoc> {
  const s = await Subscriber.findById(id).lean<SubscriberDoc>();
  if (!s) throw AppError.notFound('Diesen Eintrag gibt es nicht.');
  return s;
}

export async function listSubscribers(
  listId: string,
  q: { status?: SubscriberStatus; limit: number; skip: number },
): Promise<{ total: number; items: SubscriberDoc[] }> {
  await getList(listId);
  const filter = { listId, ...(q.status ? { status: q.status } : {}) };
  const [total, items] = await Promise.all([
    Subscriber.countDocuments(filter),
    Subscriber.find(filter).sort({ _id: 1 }).skip(q.skip).limit(q.limit).lean<SubscriberDoc[]>(),
  ]);
  return { total, items };
}

export type SubscriberPatch = {
  name?: string | null;
  lang?: Lang;
  attributes?: { municipality?: string | null; actorType?: string | null; fieldsOfAction?: string[] };
};

/** Admin edits of name, language and attributes, under the address lock like every writer. */
export async function updateSubscriber(
  ctx: NewsletterContext,
  id: string,
  patch: SubscriberPatch,
): Promise<SubscriberDoc> {
  const current = await getSubscriber(id);
  await withLock(ctx, addressLock(current.addressHash), async () => {
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, 1> = {};
    if (patch.name === null) $unset.name = 1;
    else if (patch.name !== undefined) $set.name = patch.name.trim();
    if (patch.lang) $set.lang = patch.lang;
    for (const [k, v] of Object.entries(patch.attributes ?? {})) {
      if (v === null) $unset[`attributes.${k}`] = 1;
      else if (v !== undefined) $set[`attributes.${k}`] = v;
    }
    await Subscriber.updateOne(
      { _id: id },
      { ...(Object.keys($set).length ? { $set } : {}), ...(Object.keys($unset).length ? { $unset } : {}) },
    );
  });
  return getSubscriber(id);
}

/** Removes one list record (erasure of that membership); a suppression of the address stays. */
export async function deleteSubscriber(ctx: NewsletterContext, id: string): Promise<void> {
  const current = await getSubscriber(id);
  await withLock(ctx, addressLock(current.addressHash), async () => {
    await Subscriber.deleteOne({ _id: id });
  });
}

/** Pending sign-ups nobody confirmed are deleted after this many days (data minimisation). */
export const PENDING_RETENTION_DAYS = 30;

export async function purgeStalePending(now = new Date()): Promise<number> {
  const r = await Subscriber.deleteMany({
    status: 'pending',
    confirmRequestedAt: op({ $lt: new Date(now.getTime() - PENDING_RETENTION_DAYS * 86_400_000) }),
  });
  return r.deletedCount;
}
