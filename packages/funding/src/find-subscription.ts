import { hashToken } from '@qn/auth';
import { AppError } from '@qn/domain';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { SubscriptionTokenKey } from './models/subscription-token-key';
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
  const hash = looksLikeToken(token) ? hashToken(token) : undefined;
  const key = hash ? await SubscriptionTokenKey.findById(hash).lean() : null;
  const found = key ? await Subscription.findById(key.subscriptionId).lean<SubscriptionDoc>() : null;
  // The pointer only finds; the subscription's own hash for this purpose decides.
  const sub = found && found[field[purpose]] === hash ? found : null;
  // An expired sign-up is as unknown as one that was never made (the cleanup deletes it).
  const expired = sub?.status === 'pending' && sub.expiresAt && sub.expiresAt < now;
  if (!sub || expired) throw AppError.notFound('Dieser Link ist ungültig oder abgelaufen.');
  return sub;
}
