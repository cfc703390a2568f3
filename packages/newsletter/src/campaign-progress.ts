import { campaignClicks, type LinkClicks } from './campaign-clicks';
import { getCampaign } from './campaigns';
import { Delivery, DeliveryOutcome } from './models/delivery';
import { FanoutState, type FanoutStateDoc } from './models/fanout-state';
import { op } from './trusted';

export type CampaignProgress = {
  status: string;
  /** Recipients after expansion (deduplicated, suppressed left out); grows while expanding. */
  total: number;
  expanded: boolean;
  sent: number;
  failed: number;
  skipped: number;
  remaining: number;
  /** Mails per second over the last minute (or since the start, if shorter). */
  rate: number;
  /** Estimated end at the current rate, while sending. */
  eta: Date | null;
  /** Clicks per link of the body, when the campaign counts clicks (opt-in); else null. */
  clicks: LinkClicks[] | null;
};

/**
 * Progress counted from the records (delivery records for the total, outcome records for the
 * rest), never from a counter that concurrent workers increment: FerretDB loses concurrent
 * increments. Costs a scan of the campaign's records, so callers poll it, not loop on it.
 */
export async function campaignProgress(id: string, now = new Date()): Promise<CampaignProgress> {
  const c = await getCampaign(id);
  const state = await FanoutState.findById(id).lean<FanoutStateDoc>();
  const expanded = !!state?.expanded;
  const total = expanded ? (state!.total ?? 0) : await Delivery.countDocuments({ campaignId: id });
  const groups = await DeliveryOutcome.aggregate<{ _id: string; n: number }>([
    { $match: { campaignId: id } },
    { $group: { _id: '$status', n: { $sum: 1 } } },
  ]);
  const n = (s: string) => groups.find((g) => g._id === s)?.n ?? 0;
  const sent = n('sent');
  const failed = n('failed');
  const skipped = n('skipped');
  const remaining = Math.max(0, total - sent - failed - skipped);
  let rate = 0;
  if (c.startedAt && (c.status === 'sending' || c.status === 'sent' || c.status === 'paused')) {
    const since = new Date(Math.max(now.getTime() - 60_000, new Date(c.startedAt).getTime()));
    const recent = await DeliveryOutcome.countDocuments({
      campaignId: id,
      status: 'sent',
      at: op({ $gte: since }),
    });
    const seconds = Math.max(1, (now.getTime() - since.getTime()) / 1000);
    rate = Math.round((recent / seconds) * 10) / 10;
  }
  const eta =
    c.status === 'sending' && rate > 0 && expanded
      ? new Date(now.getTime() + (remaining / rate) * 1000)
      : null;
  const clicks = c.countClicks ? await campaignClicks(id, c.bodyMarkdown) : null;
  return { status: c.status, total, expanded, sent, failed, skipped, remaining, rate, eta, clicks };
}
