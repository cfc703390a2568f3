import type { EventDoc } from './models/event';
import { searchTermsOf } from './search-terms';

/** What an organiser sets on an event (validated at the HTTP edge). */
export type EventFields = Pick<
  EventDoc,
  | 'title'
  | 'description'
  | 'kind'
  | 'fieldsOfAction'
  | 'municipality'
  | 'venue'
  | 'startsAt'
  | 'endsAt'
  | 'capacity'
  | 'waitlistEnabled'
  | 'promotionMode'
  | 'offerHours'
  | 'maxCompanions'
  | 'contact'
  | 'reminderOffsetsMinutes'
> &
  Partial<
    Pick<
      EventDoc,
      'onlineUrl' | 'registrationOpensAt' | 'registrationClosesAt' | 'audience' | 'accessibility'
    >
  >;

/** Fields whose change attendees' calendars must follow: the .ics shows them. */
export const CALENDAR_FIELDS = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'venue',
  'onlineUrl',
  'contact',
] as const satisfies readonly (keyof EventFields)[];

export function eventSearchTerms(e: Partial<EventFields>): string[] {
  return searchTermsOf([e.title, e.description, e.venue?.name, e.venue?.city, e.audience]);
}
