import { signLinkToken } from './link-tokens';
import { markdownLinks } from './markdown';
import type { NewsletterContext } from './newsletter-context';

type Ctx = Pick<NewsletterContext, 'publicUrl' | 'secret'>;

/**
 * The counting redirect of one link of a campaign. The token names the campaign and the link's
 * index among the body's links, never the recipient: clicks are counted per link, not per
 * person. The target is looked up from the campaign's own body, so no URL outside the
 * campaign can be reached through it (no open redirect).
 */
export function clickUrl(ctx: Ctx, campaignId: string, link: number): string {
  return `${ctx.publicUrl}/api/newsletter/c/${signLinkToken({ kind: 'k', campaignId, link }, ctx.secret)}`;
}

/** Maps each http(s) link of the body to its counting redirect (HTML and text part alike). */
export function clickRewriter(ctx: Ctx, campaignId: string, bodyMarkdown: string): (href: string) => string {
  const links = markdownLinks(bodyMarkdown);
  const urls = new Map(links.map((href, i) => [href, clickUrl(ctx, campaignId, i)]));
  return (href) => urls.get(href) ?? href;
}
