import { signLinkToken } from './link-tokens';
import type { NewsletterContext } from './newsletter-context';

type Ctx = Pick<NewsletterContext, 'publicUrl' | 'secret'>;

export function confirmUrl(
  ctx: Ctx,
  s: { listId: string; addressHash: string; confirmNonce?: string },
): string {
  const token = signLinkToken(
    { kind: 'c', listId: s.listId, addressHash: s.addressHash, nonce: s.confirmNonce ?? '-' },
    ctx.secret,
  );
  return `${ctx.publicUrl}/api/newsletter/confirm/${token}`;
}

export function unsubscribeUrl(ctx: Ctx, s: { listId: string; addressHash: string }): string {
  return `${ctx.publicUrl}/api/newsletter/u/${signLinkToken({ kind: 'u', ...s }, ctx.secret)}`;
}

export function testUnsubscribeUrl(ctx: Ctx, campaignId: string, addressHash: string): string {
  return `${ctx.publicUrl}/api/newsletter/u/${signLinkToken({ kind: 't', campaignId, addressHash }, ctx.secret)}`;
}
