import type { ProgrammeDoc } from './models/programme';
import type { StoredMatch, SubscriptionStatus } from './models/subscription';
import { keywordsMatch } from './match-query';
import { ANY } from './subscription-filters';

export type MatchableSubscription = {
  status?: SubscriptionStatus;
  match: StoredMatch;
  keywords: string[];
  reminders?: boolean;
};

export type MatchableProgramme = Pick<
  ProgrammeDoc,
  'fieldsOfAction' | 'applicantTypes' | 'provider' | 'region' | 'searchText'
>;

const hits = (stored: string[], keys: readonly string[]) =>
  stored.includes(ANY) || stored.some((k) => keys.includes(k));

/**
 * The matching rule itself, in memory: the same meaning as `subscriptionMatchQuery` plus the
 * keyword check. The Redis match index only proposes candidates; this decides, both when the
 * candidates are read and again at send time against the subscription as the database has it,
 * so a stale index can cause no wrong alert.
 */
export function subscriptionMatches(
  s: MatchableSubscription,
  p: MatchableProgramme,
  opts: { remindersOnly?: boolean } = {},
): boolean {
  if (s.status !== undefined && s.status !== 'confirmed') return false;
  if (opts.remindersOnly && s.reminders === false) return false;
  return (
    hits(s.match.fieldsOfAction, p.fieldsOfAction) &&
    hits(s.match.applicantTypes, p.applicantTypes) &&
    hits(s.match.providers, [p.provider]) &&
    (p.region.scope !== 'municipalities' || hits(s.match.municipalities, p.region.municipalities)) &&
    keywordsMatch(s.keywords, p.searchText)
  );
}
