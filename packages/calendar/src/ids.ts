/**
 * Globally unique, stable UIDs: one per thing, never reused, independent of content and of
 * the deployment's host name (which may change). The event form is the one the events domain
 * also writes into its mail attachments, so a client that imported an invitation and
 * subscribes to a feed sees the same entry.
 */
const DOMAIN = 'quartiersnetz';

export function eventUid(eventId: string): string {
  return `event-${eventId}@${DOMAIN}`;
}

/** A person's own entry for an event (personal feed): distinct from the public entry. */
export function registrationUid(registrationId: string): string {
  return `registration-${registrationId}@${DOMAIN}`;
}

export function programmeDeadlineUid(programmeId: string, deadline: string): string {
  return `funding-${programmeId}-${deadline}@${DOMAIN}`;
}
