import { signLinkToken } from './link-tokens';
import type { NewsletterContext } from './newsletter-context';

type Ctx = Pick<NewsletterContext, 'publicUrl' | 'secret'>;

/**
 * A personal unsubscribe link. People land on the web's page (`pageUrl`: a button, German with an
 * English switch; a GET changes nothing, since mail scanners follow links); List-Unsubscribe
 * names the API's `oneClickUrl`, which takes the RFC 8058 POST without cookies or a form
 * token, and a mailto carrying `token` (ops' inbound intake). All three carry the same token.
 */
export type UnsubscribeLink = { pageUrl: string; oneClickUrl: string; token: string };

/** The web's confirmation page (a button; the POST confirms). */
export function confirmUrl(
  ctx: Ctx,
  s: { listId: string; addressHash: string; confirmNonce?: string },
): string {
  const token = signLinkToken(
    { kind: 'c', listId: s.listId, addressHash: s.addressHash, nonce: s.confirmNonce ?? '-' },
    ctx.secret,
  );
  return `${ctx.publicUrl}/newsletter/bestaetigen/${token}`;
}

const linkOf = (ctx: Ctx, token: string): UnsubscribeLink => ({
  pageUrl: `${ctx.publicUrl}/newsletter/abmelden/${token}`,
  oneClickUrl: `${ctx.publicUrl}/api/newsletter/u/${token}`,
  token,
});

export function unsubscribeLink(ctx: Ctx, s: { listId: string; addressHash: string }): UnsubscribeLink {
  return linkOf(ctx, signLinkToken({ kind: 'u', ...s }, ctx.secret));
}

/** In a test send or preview: the link works, but unsubscribes nobody. */
export function testUnsubscribeLink(ctx: Ctx, campaignId: string, addressHash: string): UnsubscribeLink {
  return linkOf(ctx, signLinkToken({ kind: 't', campaignId, addressHash }, ctx.secret));
}
