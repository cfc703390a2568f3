import { Campaign, type CampaignDoc, type CampaignStatus } from './models/campaign';
import { Delivery, DeliveryOutcome } from './models/delivery';
import { FanoutState, type FanoutStateDoc } from './models/fanout-state';
import { op } from './trusted';

const IN_PROGRESS: CampaignStatus[] = ['sending', 'paused'];

export type CampaignInProgress = {
  id: string;
  name: string;
  status: CampaignDoc['status'];
  startedAt?: Date;
  sent: number;
  /** Recipients so far; grows while the audience is still being expanded. */
  total: number;
  expanded: boolean;
};

/**
 * Campaigns whose mail is going out or paused halfway, with sent of total counted from the
 * records (never from a counter: FerretDB loses concurrent increments). Lighter than
 * `campaignProgress` (no rate, no clicks), for an overview; bounded by `limit`.
 */
export async function listCampaignsInProgress(opts: { limit?: number } = {}): Promise<CampaignInProgress[]> {
  const limit = Math.min(50, Math.max(1, opts.limit ?? 10));
  const campaigns = await Campaign.find(
    { status: op({ $in: IN_PROGRESS }) },
    { name: 1, status: 1, startedAt: 1 },
  )
    .sort({ startedAt: -1, _id: -1 })
    .limit(limit)
    .lean();
  return Promise.all(
    campaigns.map(async (c) => {
      const id = String(c._id);
      const [state, sent] = await Promise.all([
        FanoutState.findById(id).lean<FanoutStateDoc>(),
        DeliveryOutcome.countDocuments({ campaignId: id, status: 'sent' }),
      ]);
      const expanded = !!state?.expanded;
      const total = expanded ? (state!.total ?? 0) : await Delivery.countDocuments({ campaignId: id });
      return { id, name: c.name, status: c.status, startedAt: c.startedAt, sent, total, expanded };
    }),
  );
}
