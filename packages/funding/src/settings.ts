/**
 * Tunables of the funding domain. Defaults live here; entry points and tests pass overrides
 * (tests shorten times instead of waiting).
 */
export type FundingSettings = {
  /** Deadline reminders go out this many days before each deadline. */
  reminderDays: number[];
  /** A sign-up that is not confirmed within this many hours is deleted. */
  pendingTtlHours: number;
  /** At most this many unconfirmed sign-ups per address per day (mail-bombing guard). */
  maxPendingPerAddress: number;
  /** Published programmes not reviewed for this many days are flagged for review. */
  reviewAfterDays: number;
  /** Timeout of one official-link check. */
  linkCheckTimeoutMs: number;
  /** Subscriptions read and written per batch while matching. */
  matchBatchSize: number;
  /** Weekly digest: cron pattern and time zone (Monday morning, Berlin). */
  digestPattern: string;
  reminderPattern: string;
  linkCheckPattern: string;
  housekeepingPattern: string;
  /** Nightly rebuild of the Redis match index from the database (docs/adr/0006). */
  matchIndexRebuildPattern: string;
  /** Closing programmes whose last deadline has passed: hourly, so a missed run costs an hour. */
  closeExpiredPattern: string;
  timeZone: string;
};

export const defaultFundingSettings: FundingSettings = {
  reminderDays: [14, 3],
  pendingTtlHours: 72,
  maxPendingPerAddress: 3,
  reviewAfterDays: 180,
  linkCheckTimeoutMs: 10_000,
  matchBatchSize: 500,
  digestPattern: '0 7 * * 1',
  reminderPattern: '0 6 * * *',
  linkCheckPattern: '30 3 * * *',
  housekeepingPattern: '15 * * * *',
  matchIndexRebuildPattern: '45 2 * * *',
  closeExpiredPattern: '5 * * * *',
  timeZone: 'Europe/Berlin',
};

export function fundingSettings(overrides: Partial<FundingSettings> = {}): FundingSettings {
  return { ...defaultFundingSettings, ...overrides };
}

/** The office's choices from the process configuration (structurally, so no @qn/config here). */
export type FundingConfig = {
  FUNDING_REMINDER_DAYS_BEFORE: number[];
  FUNDING_PENDING_TTL_HOURS: number;
  FUNDING_DIGEST_CRON: string;
  TZ_DISPLAY: string;
};

/** Defaults, then the configuration, then what a caller (a test) overrides. */
export function fundingSettingsOf(
  config: FundingConfig,
  overrides: Partial<FundingSettings> = {},
): FundingSettings {
  return fundingSettings({
    reminderDays: config.FUNDING_REMINDER_DAYS_BEFORE,
    pendingTtlHours: config.FUNDING_PENDING_TTL_HOURS,
    digestPattern: config.FUNDING_DIGEST_CRON,
    timeZone: config.TZ_DISPLAY,
    ...overrides,
  });
}
