import { verifyLinkToken } from './link-tokens';
import { markdownLinks } from './markdown';
import { Campaign, type CampaignDoc } from './models/campaign';
import { Click } from './models/click';
import type { NewsletterContext } from './newsletter-context';
import { newId } from './new-id';

type Links = { updatedAt: number; links: string[] };

// A campaign's body does not change once it is sent; a click then costs one read and one insert.
const linkCache = new Map<string, Links>();

async function campaignLinksOf(
  campaignId: string,
): Promise<{ countClicks: boolean; links: string[] } | null> {
  const c = await Campaign.findById(campaignId, { bodyMarkdown: 1, countClicks: 1, updatedAt: 1 }).lean<
    Pick<CampaignDoc, 'bodyMarkdown' | 'countClicks' | 'updatedAt'>
  >();
  if (!c) return null;
  const updatedAt = new Date(c.updatedAt).getTime();
  let entry = linkCache.get(campaignId);
  if (!entry || entry.updatedAt !== updatedAt) {
    entry = { updatedAt, links: markdownLinks(c.bodyMarkdown) };
    linkCache.set(campaignId, entry);
    if (linkCache.size > 50) linkCache.delete(linkCache.keys().next().value!);
  }
  return { countClicks: !!c.countClicks, links: entry.links };
}

/**
 * A click on a counting link: the target URL, after one click document for the campaign and
 * link was inserted; null for a token that is forged, of another kind, or names a campaign or
 * link that does not exist. The target always comes from the campaign's body, never from the
 * request. A campaign that does not count clicks (the token can only come from one that does,
 * as its body is fixed once sent) still redirects, without counting.
 */
export async function countClick(
  ctx: Pick<NewsletterContext, 'secret'>,
  token: string,
): Promise<string | null> {
  const t = verifyLinkToken(token, ctx.secret);
  if (!t || t.kind !== 'k') return null;
  const c = await campaignLinksOf(t.campaignId);
  const url = c?.links[t.link];
  if (!c || !url) return null;
  if (c.countClicks)
    await Click.collection.insertOne({ _id: newId(), campaignId: t.campaignId, link: t.link } as never);
  return url;
}
