import { verifyLinkToken } from './link-tokens';
import { NewsletterList, type Lang } from './models/newsletter-list';
import { Subscriber, subscriberIdOf } from './models/subscriber';
import type { NewsletterContext } from './newsletter-context';
import { stopAddress } from './unsubscribe-address';

export type UnsubscribeView = { state: 'valid' | 'done' | 'test' | 'invalid'; listName?: string; lang: Lang };

async function resolve(token: string, secret: string) {
  const t = verifyLinkToken(token, secret);
  if (!t || (t.kind !== 'u' && t.kind !== 't')) return null;
  if (t.kind === 't') return { t, sub: null, listName: undefined };
  const sub = await Subscriber.findById(subscriberIdOf(t.listId, t.addressHash)).lean();
  const list = await NewsletterList.findById(t.listId).lean();
  return { t, sub, listName: list?.name };
}

/** For the GET page: never changes anything. */
export async function describeUnsubscribe(ctx: NewsletterContext, token: string): Promise<UnsubscribeView> {
  const r = await resolve(token, ctx.secret);
  if (!r) return { state: 'invalid', lang: 'de' };
  if (r.t.kind === 't') return { state: 'test', lang: 'de' };
  const lang = r.sub?.lang ?? 'de';
  const done = r.sub && r.sub.status !== 'confirmed' && r.sub.status !== 'pending';
  return { state: done ? 'done' : 'valid', listName: r.listName, lang };
}

/**
 * The one-click unsubscribe (RFC 8058 POST) and the page's button: the token alone is the
 * authority, no cookie or login. The token stays valid after the subscriber record is gone,
 * since it names the address hash, which is what the suppression list keys on.
 */
export async function unsubscribeByToken(ctx: NewsletterContext, token: string): Promise<UnsubscribeView> {
  const r = await resolve(token, ctx.secret);
  if (!r) return { state: 'invalid', lang: 'de' };
  if (r.t.kind === 't') return { state: 'test', lang: 'de' };
  await stopAddress(ctx, r.t.addressHash, 'unsubscribed');
  return { state: 'done', listName: r.listName, lang: r.sub?.lang ?? 'de' };
}
