import { EVENT_KINDS, FIELDS_OF_ACTION, labelOf, municipalityName } from '@qn/domain';
import type { FeedEvent } from './event-entry';

/** Within a parameter any value matches (OR); across parameters all must match (AND). */
export type EventFilter = {
  municipality?: string[];
  field?: string[];
  kind?: string[];
  organiser?: string[];
};

const PARAMS = ['municipality', 'field', 'kind', 'organiser'] as const;

/** One cache key per meaning: order and duplicates of values do not make a new feed. */
export function filterKey(f: EventFilter): string {
  return PARAMS.map((p) => `${p}=${[...new Set(f[p] ?? [])].sort().join(',')}`).join('&');
}

/** Sorted, without duplicates and empty parameters: one value per filter meaning. */
export function normaliseFilter(f: EventFilter): EventFilter {
  const out: EventFilter = {};
  for (const p of PARAMS) if (f[p]?.length) out[p] = [...new Set(f[p])].sort();
  return out;
}

/** The canonical query string of a filter (`?kind=a,b&municipality=c`, or empty). */
export function filterQuery(f: EventFilter): string {
  const parts = PARAMS.filter((p) => f[p]?.length).map(
    (p) => `${p}=${[...new Set(f[p])].sort().map(encodeURIComponent).join(',')}`,
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

export function isEmptyFilter(f: EventFilter): boolean {
  return PARAMS.every((p) => !f[p]?.length);
}

export function matchesFilter(e: FeedEvent, f: EventFilter): boolean {
  if (f.municipality?.length && !f.municipality.includes(e.municipality)) return false;
  if (f.kind?.length && !f.kind.includes(e.kind)) return false;
  if (f.organiser?.length && !f.organiser.includes(e.organisationId)) return false;
  if (f.field?.length && !e.fieldsOfAction.some((x) => f.field!.includes(x))) return false;
  return true;
}

/** Words for the calendar's name, without commas (some clients show X-WR-CALNAME raw). */
export function filterLabel(f: EventFilter, orgNames: Map<string, string>): string {
  const parts = [
    ...(f.municipality ?? []).map(municipalityName),
    ...(f.field ?? []).map((k) => labelOf(FIELDS_OF_ACTION, k)),
    ...(f.kind ?? []).map((k) => labelOf(EVENT_KINDS, k)),
    ...(f.organiser ?? []).map((o) => orgNames.get(o) ?? o),
  ];
  return [...new Set(parts)].join(' · ').replace(/[,;]/g, ' ');
}
