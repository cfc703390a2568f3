import { z } from 'zod';
import {
  APPLICANT_TYPE_KEYS,
  FIELD_OF_ACTION_KEYS,
  FUNDING_PROVIDER_KEYS,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import type { StoredMatch, SubscriptionDoc } from './models/subscription';
import { normaliseSearchText } from './search-text';

/** Stored in a filter dimension the subscriber left open: matches every programme. */
export const ANY = '*';

const uniq = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((a) => [...new Set(a)] as z.infer<T>[]);

/** Every dimension optional; an empty or missing one means "all". */
export const subscriptionFiltersInput = z.strictObject({
  fieldsOfAction: uniq(z.enum(FIELD_OF_ACTION_KEYS), FIELD_OF_ACTION_KEYS.length).optional(),
  applicantTypes: uniq(z.enum(APPLICANT_TYPE_KEYS), APPLICANT_TYPE_KEYS.length).optional(),
  municipalities: uniq(z.enum(MUNICIPALITY_KEYS), MUNICIPALITY_KEYS.length).optional(),
  providers: uniq(z.enum(FUNDING_PROVIDER_KEYS), FUNDING_PROVIDER_KEYS.length).optional(),
  keywords: z.array(z.string().trim().min(2).max(60)).max(10).optional(),
});
export type SubscriptionFilters = z.infer<typeof subscriptionFiltersInput>;

const orAny = (a: readonly string[] | undefined): string[] => (a && a.length ? [...a] : [ANY]);

export function toStoredMatch(f: SubscriptionFilters): StoredMatch {
  return {
    fieldsOfAction: orAny(f.fieldsOfAction),
    applicantTypes: orAny(f.applicantTypes),
    municipalities: orAny(f.municipalities),
    providers: orAny(f.providers),
  };
}

export function normaliseKeywords(k: string[] | undefined): string[] {
  return [...new Set((k ?? []).map(normaliseSearchText).filter((w) => w.length >= 2))];
}

/** The filters as the subscriber sees them (the sentinel read back as "no choice"). */
export function filtersOf(s: Pick<SubscriptionDoc, 'match' | 'keywords'>): Required<SubscriptionFilters> {
  const open = (a: string[]) => a.filter((x) => x !== ANY);
  return {
    fieldsOfAction: open(s.match.fieldsOfAction) as Required<SubscriptionFilters>['fieldsOfAction'],
    applicantTypes: open(s.match.applicantTypes) as Required<SubscriptionFilters>['applicantTypes'],
    municipalities: open(s.match.municipalities),
    providers: open(s.match.providers) as Required<SubscriptionFilters>['providers'],
    keywords: s.keywords,
  };
}
