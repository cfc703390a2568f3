import { hashToken } from '@qn/auth';
import { AppError } from '@qn/domain';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { looksLikeToken, type TokenPurpose } from './subscription-tokens';

const field = {
  confirm: 'confirmTokenHash',
  manage: 'manageTokenHash',
  unsubscribe: 'unsubscribeTokenHash',
} as const;

/** Looks a subscription up by the hash of a link token; an unknown token is a 404. */
export async function findSubscriptionByToken(
  purpose: TokenPurpose,
  token: string,
  now: Date = new Date(),
): Promise<SubscriptionDoc> {
  const sub = looksLikeToken(token)
    ? await Subscription.findOne({ [field[purpose]]: hashToken(token) }).lean<SubscriptionDoc>()
    : null;
  // An expired sign-up is as unknown as one that was never made (the cleanup deletes it).
  const expired = sub?.status === 'pending' && sub.expiresAt && sub.expiresAt < now;
  if (!sub || expired) throw AppError.notFound('Dieser Link ist ungültig oder abgelaufen.');
  return sub;
}
