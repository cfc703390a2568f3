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

export function programmeDeadlineUid(programmeId: string, deadline: string): string {
  return `funding-${programmeId}-${deadline}@${DOMAIN}`;
}
