import { liftSuppression } from '@qn/mail';
import { getList } from './lists';
import { verifyLinkToken } from './link-tokens';
import { Subscriber, subscriberIdOf, type SubscriberDoc } from './models/subscriber';
import type { Lang } from './models/newsletter-list';
import type { NewsletterContext } from './newsletter-context';
import { addressLock, withLock } from './redis-lock';
import { enqueueWelcomeMail } from './subscriber-mails';
import { NewsletterList } from './models/newsletter-list';

/** A confirm link works this long after it was sent. */
export const CONFIRM_LINK_DAYS = 7;

export type ConfirmView = {
  state: 'valid' | 'confirmed' | 'invalid' | 'expired';
  listName?: string;
  lang: Lang;
};

async function load(ctx: NewsletterContext, token: string) {
  const t = verifyLinkToken(token, ctx.secret);
  if (!t || t.kind !== 'c') return null;
  const sub = await Subscriber.findById(subscriberIdOf(t.listId, t.addressHash)).lean<SubscriberDoc>();
  return sub ? { t, sub } : null;
}

function stateOf(sub: SubscriberDoc, nonce: string, now: Date): ConfirmView['state'] {
  if (sub.status === 'confirmed' && sub.confirmNonce === undefined) return 'confirmed';
  if (sub.status !== 'pending' || sub.confirmNonce !== nonce) return 'invalid';
  const sent = sub.confirmRequestedAt?.getTime() ?? 0;
  return now.getTime() - sent > CONFIRM_LINK_DAYS * 86_400_000 ? 'expired' : 'valid';
}

/** What the confirm page shows on GET; a GET never confirms (mail scanners follow links). */
export async function describeConfirmation(
  ctx: NewsletterContext,
  token: string,
  now = new Date(),
): Promise<ConfirmView> {
  const found = await load(ctx, token);
  if (!found || found.t.kind !== 'c') return { state: 'invalid', lang: 'de' };
  const list = await NewsletterList.findById(found.sub.listId).lean();
  return { state: stateOf(found.sub, found.t.nonce, now), listName: list?.name, lang: found.sub.lang };
}

/**
 * Double opt-in, step 2: the person pressed the button. Records when consent was given, lifts
 * a suppression of the address (the person asked again, in a way only the address owner can)
 * and queues the list's welcome mail if it has one.
 */
export async function confirmSubscription(
  ctx: NewsletterContext,
  token: string,
  opts: { now?: Date; requestId?: string } = {},
): Promise<ConfirmView> {
  const now = opts.now ?? new Date();
  const found = await load(ctx, token);
  if (!found || found.t.kind !== 'c') return { state: 'invalid', lang: 'de' };
  const { t } = found;
  const result = await withLock(ctx, addressLock(t.addressHash), async () => {
    const sub = await Subscriber.findById(found.sub._id).lean<SubscriberDoc>();
    if (!sub) return { state: 'invalid' as const, sub: null };
    const state = stateOf(sub, t.nonce, now);
    if (state !== 'valid') return { state, sub: null };
    await Subscriber.updateOne(
      { _id: sub._id },
      {
        $set: { status: 'confirmed', confirmedAt: now, 'consent.at': now },
        $unset: { confirmNonce: 1, unsubscribedAt: 1 },
      },
    );
    await liftSuppression(sub.email, ctx.secret);
    return { state: 'confirmed' as const, sub };
  });
  const list = await getList(found.sub.listId);
  if (result.sub) await enqueueWelcomeMail(ctx, result.sub, list, opts.requestId);
  return { state: result.state, listName: list.name, lang: found.sub.lang };
}
