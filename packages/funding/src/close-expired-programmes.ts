import type { Producer } from '@qn/queue';
import { dateIn } from './calendar-date';
import { announceProgrammeChange } from './announce-programme';
import { Programme, type ProgrammeDoc } from './models/programme';
import { op } from './trusted';

/**
 * Closes published programmes whose last deadline has passed (see programme-closed.ts for what
 * "last deadline" means; rolling ones have none and stay open). Run by a schedule.
 *
 * Cost: the filter reads the whole programmes collection on FerretDB; it holds tens to a few
 * hundred entries, so an hourly run is cheap.
 *
 * Idempotent: only programmes without `closedAt` are written. The feed event's revision is the
 * stored `closedAt`, and programmes closed within the last day are announced again on every
 * run, so a crash between the write and the announcement is repaired by the retry or the next
 * run with the same job id (at most one extra feed refresh), while long-closed ones are left
 * alone. The one writer of `closedAt` besides this is
 * an admin's new round (update-programme.ts clears it); an edit racing a run at worst closes a
 * programme the admin just reopened, and the admin sees it closed on the list.
 */
export async function closeExpiredProgrammes(opts: {
  producer: Producer;
  now?: Date;
  timeZone?: string;
  requestId?: string;
}): Promise<{ closed: string[] }> {
  const now = opts.now ?? new Date();
  const today = dateIn(opts.timeZone ?? 'Europe/Berlin', now);
  const expired = await Programme.find(
    { status: 'published', openUntil: op({ $lt: today }) },
    { _id: 1, closedAt: 1 },
  ).lean<Pick<ProgrammeDoc, '_id' | 'closedAt'>[]>();
  const closed: string[] = [];
  const recent = now.getTime() - 86_400_000;
  for (const p of expired) {
    let closedAt = p.closedAt;
    if (!closedAt) {
      await Programme.updateOne({ _id: p._id }, { $set: { closedAt: now } });
      closedAt = now;
      closed.push(p._id);
    } else if (closedAt.getTime() < recent) continue;
    // The deadline feed and its caches re-read the programme, as after any other change.
    await announceProgrammeChange(opts.producer, {
      programmeId: p._id,
      event: 'details-changed',
      revision: closedAt.getTime(),
      requestId: opts.requestId,
    });
  }
  return { closed };
}
