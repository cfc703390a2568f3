import type { ProgrammeDoc } from './models/programme';

/**
 * A published programme whose last deadline has passed: no more applications this round.
 *
 * "Last deadline" is `openUntil`, the latest of its deadlines. Rolling programmes and those
 * without deadlines have no last deadline (`openUntil` is OPEN_END), so they never close by
 * date; an office that ends one archives it. Deadlines are calendar dates in Berlin and the
 * deadline day itself still counts as open.
 *
 * The scheduled close stores `closedAt`; the dates are looked at as well so a programme whose
 * deadline passed at midnight shows as closed before the next run has stored it.
 */
export function isClosedOn(
  p: Pick<ProgrammeDoc, 'status' | 'openUntil' | 'closedAt'>,
  today: string,
): boolean {
  return p.status === 'published' && (p.closedAt !== undefined || p.openUntil < today);
}
