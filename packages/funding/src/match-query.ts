import type { ProgrammeDoc } from './models/programme';
import { ANY } from './subscription-filters';
import { op } from './trusted';

/**
 * The database query for "confirmed subscriptions this programme matches": one `$in` per
 * filter dimension over the programme's keys plus the ANY sentinel. Within a dimension any key
 * may match, across dimensions all must. State- and county-wide programmes cover every
 * municipality, so the municipality dimension only narrows municipality-bound programmes.
 * Keywords are checked while streaming (substring match on the programme's search text).
 */
export function subscriptionMatchQuery(
  p: Pick<ProgrammeDoc, 'fieldsOfAction' | 'applicantTypes' | 'provider' | 'region'>,
  opts: { remindersOnly?: boolean } = {},
): Record<string, unknown> {
  return {
    status: 'confirmed',
    'match.fieldsOfAction': op({ $in: [...p.fieldsOfAction, ANY] }),
    'match.applicantTypes': op({ $in: [...p.applicantTypes, ANY] }),
    'match.providers': op({ $in: [p.provider, ANY] }),
    ...(p.region.scope === 'municipalities'
      ? { 'match.municipalities': op({ $in: [...p.region.municipalities, ANY] }) }
      : {}),
    ...(opts.remindersOnly ? { reminders: true } : {}),
  };
}

export function keywordsMatch(keywords: string[], searchText: string): boolean {
  return keywords.length === 0 || keywords.some((k) => searchText.includes(k));
}
