import { normaliseEmail } from '@qn/domain';
import { addressHash, Suppression } from '@qn/mail';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { getList } from './lists';
import {
  Subscriber,
  subscriberIdOf,
  type SubscriberAttributes,
  type SubscriberDoc,
} from './models/subscriber';
import type { Lang } from './models/newsletter-list';
import type { NewsletterContext } from './newsletter-context';
import { newId } from './new-id';
import { addressLock, withLock } from './redis-lock';
import { enqueueConfirmationMail } from './subscriber-mails';

export type SubscribeInput = {
  listId: string;
  email: string;
  name?: string;
  lang?: Lang;
  attributes?: Partial<SubscriberAttributes>;
};

/** A second confirmation mail to the same pending address goes out at most this often. */
export const RESEND_AFTER_MS = 10 * 60_000;

/**
 * The public sign-up (double opt-in, step 1): records a pending subscriber with the consent
 * text version and queues the confirmation mail. It returns nothing on purpose: the caller
 * answers the same for a new, pending, confirmed or blocked address, so the answer never
 * reveals whether an address is subscribed.
 */
export async function requestSubscription(
  ctx: NewsletterContext,
  input: SubscribeInput,
  opts: { now?: Date; requestId?: string } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  const list = await getList(input.listId);
  const email = normaliseEmail(input.email);
  const hash = addressHash(email, ctx.secret);
  const id = subscriberIdOf(list._id, hash);

  // Hard bounces and complaints are final for sign-ups by form: nobody can prove by a web form
  // that the address is theirs again. An unsubscribed address may sign up again.
  const suppressed = await Suppression.findById(hash).lean();
  if (suppressed && (suppressed.reason === 'bounced' || suppressed.reason === 'complained')) return;

  const pending = await withLock(ctx, addressLock(hash), async () => {
    const existing = await Subscriber.findById(id).lean<SubscriberDoc>();
    if (existing?.status === 'confirmed') return null;
    if (existing?.status === 'bounced' || existing?.status === 'complained') return null;
    if (
      existing?.status === 'pending' &&
      existing.confirmRequestedAt &&
      now.getTime() - existing.confirmRequestedAt.getTime() < RESEND_AFTER_MS
    )
      return null;
    const fields = {
      name: input.name?.trim() || undefined,
      lang: input.lang ?? list.lang,
      status: 'pending' as const,
      consent: { requestedAt: now, method: 'form' as const, textVersion: CONSENT_TEXT_VERSION },
      attributes: {
        municipality: input.attributes?.municipality,
        actorType: input.attributes?.actorType,
        fieldsOfAction: input.attributes?.fieldsOfAction ?? [],
      },
      confirmNonce: newId(),
      confirmRequestedAt: now,
    };
    if (existing) {
      await Subscriber.updateOne({ _id: id }, { $set: fields });
    } else {
      await Subscriber.create({ _id: id, listId: list._id, email, addressHash: hash, ...fields });
    }
    return { _id: id, listId: list._id, email, addressHash: hash, ...fields };
  });
  if (pending) await enqueueConfirmationMail(ctx, pending, list, opts.requestId);
}
