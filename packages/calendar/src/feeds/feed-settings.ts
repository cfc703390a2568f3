/**
 * How feeds behave. Defaults suit the county; a deployment can pass others to the service
 * factory (and tests do, to see retention at work).
 */
export type FeedSettings = {
  publicUrl: string;
  timezone: string;
  /** Cancelled events and registrations stay as STATUS:CANCELLED until this long after their end. */
  cancelledRetentionDays: number;
  /** Past events and deadlines are kept this long after their end (history in the calendar). */
  pastDays: number;
  /** REFRESH-INTERVAL / X-PUBLISHED-TTL. */
  refreshSeconds: number;
  /** Public event page, linked from URL and DESCRIPTION. */
  eventPageUrl: (eventId: string) => string;
};

export function defaultFeedSettings(publicUrl: string, timezone = 'Europe/Berlin'): FeedSettings {
  const base = publicUrl.replace(/\/$/, '');
  return {
    publicUrl: base,
    timezone,
    cancelledRetentionDays: 30,
    pastDays: 180,
    refreshSeconds: 3600,
    eventPageUrl: (id) => `${base}/veranstaltungen/${encodeURIComponent(id)}`,
  };
}

export const DAY_MS = 86_400_000;
