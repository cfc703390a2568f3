/** Globally unique, stable UIDs: one per thing, never reused, independent of its content. */
export function eventUid(eventId: string, host: string): string {
  return `event-${eventId}@${host}`;
}

export function programmeDeadlineUid(programmeId: string, deadline: string, host: string): string {
  return `funding-${programmeId}-${deadline}@${host}`;
}

/** The host part of UIDs, from PUBLIC_URL. */
export function uidHost(publicUrl: string): string {
  return new URL(publicUrl).hostname;
}
