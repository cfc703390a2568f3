import { markdownLinks } from './markdown';
import { Click } from './models/click';

export type LinkClicks = { link: number; url: string; clicks: number };

/** Clicks per link of a campaign, counted from the click documents; every link listed, 0 included. */
export async function campaignClicks(campaignId: string, bodyMarkdown: string): Promise<LinkClicks[]> {
  const groups = await Click.aggregate<{ _id: number; n: number }>([
    { $match: { campaignId } },
    { $group: { _id: '$link', n: { $sum: 1 } } },
  ]);
  const per = new Map(groups.map((g) => [g._id, g.n]));
  return markdownLinks(bodyMarkdown).map((url, link) => ({ link, url, clicks: per.get(link) ?? 0 }));
}

/** A deleted campaign's clicks go with it. */
export async function deleteCampaignClicks(campaignId: string): Promise<void> {
  await Click.deleteMany({ campaignId });
}
