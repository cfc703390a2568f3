import { Campaign, type CampaignStatus } from './models/campaign';
import { op } from './trusted';

/** Ids of the campaigns whose mail is going out or paused halfway (for progress metrics). */
const ACTIVE: CampaignStatus[] = ['sending', 'paused'];

export async function listActiveCampaignIds(): Promise<string[]> {
  const rows = await Campaign.find({ status: op({ $in: ACTIVE }) }, { _id: 1 }).lean();
  return rows.map((r) => String(r._id));
}
