import { Programme, type ProgrammeDoc } from './models/programme';
import { op } from './trusted';

/**
 * Published programmes nobody has edited or marked as reviewed for `olderThanDays`: public
 * funding data goes stale quietly, so these are put in front of an admin.
 */
export async function listStaleProgrammes(opts: {
  olderThanDays: number;
  now?: Date;
}): Promise<Pick<ProgrammeDoc, '_id' | 'title' | 'provider' | 'reviewedAt' | 'openUntil'>[]> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.olderThanDays * 86_400_000);
  return Programme.find(
    { status: 'published', reviewedAt: op({ $lt: cutoff }) },
    { _id: 1, title: 1, provider: 1, reviewedAt: 1, openUntil: 1 },
  )
    .sort({ reviewedAt: 1 })
    .limit(500)
    .lean();
}
