/**
 * Every queue in the system. Renaming one strands jobs already in Redis under the old name:
 * drain the old queue first or ship a migration.
 */
export const QueueName = {
  /** Outgoing transactional mail (one job = one message). */
  mail: 'mail',
  /** Events domain: reminders, promotions, offer expiry, change notices. */
  events: 'events',
  /** Funding alerts: matching after publish/change, digests, deadline reminders. */
  alerts: 'alerts',
  /** Newsletter: campaign fan-out and per-recipient delivery. */
  newsletter: 'newsletter',
  /** Domain events that readers (calendar feed cache) follow. */
  domainEvents: 'domain-events',
  /** Cron-driven housekeeping: retention, link checks, digests. */
  scheduler: 'scheduler',
} as const;

export type QueueName = (typeof QueueName)[keyof typeof QueueName];
