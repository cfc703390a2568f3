import { dateIn } from './calendar-date';
import type { ProgrammeDoc } from './models/programme';

export type ProgrammeView = Omit<ProgrammeDoc, '_id' | 'searchText' | 'lastChange'> & {
  id: string;
  openNow: boolean;
  nextDeadline: string | null;
};

/** "Open now" is derived from the dates and today, never stored, so it can't go stale. */
export function isOpenOn(p: Pick<ProgrammeDoc, 'status' | 'opensOn' | 'openUntil'>, today: string): boolean {
  return p.status === 'published' && (!p.opensOn || p.opensOn <= today) && p.openUntil >= today;
}

export function toProgrammeView(
  p: ProgrammeDoc,
  now: Date = new Date(),
  timeZone = 'Europe/Berlin',
): ProgrammeView {
  const today = dateIn(timeZone, now);
  const { _id, searchText: _s, lastChange: _l, ...rest } = p;
  return {
    id: _id,
    ...rest,
    openNow: isOpenOn(p, today),
    nextDeadline: p.deadlines.find((d) => d >= today) ?? null,
  };
}
