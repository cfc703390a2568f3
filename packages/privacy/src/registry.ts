import { accountsHolder, apiTokensHolder } from './holders/console-accounts';
import { auditLogHolder } from './holders/audit-log';
import { personalFeedsHolder } from './holders/calendar';
import { eventContactsHolder, eventRegistrationsHolder } from './holders/events';
import { fundingAlertsHolder, fundingContactsHolder, fundingSubscriptionsHolder } from './holders/funding';
import {
  newsletterDeliveriesHolder,
  newsletterSendersHolder,
  newsletterSubscribersHolder,
} from './holders/newsletter';
import { webSessionsHolder } from './holders/web-sessions';
import { mailLedgerHolder, suppressionHolder } from './holders/mail';
import { privacyRequestsHolder } from './holders/privacy-requests';
import { queuedJobsHolder } from './holders/queued-jobs';
import { smokePingsHolder } from './holders/smoke-pings';
import type { NotPersonalPath, PersonalDataHolder } from './types';

/**
 * Every place personal data lives, in dependency order: a holder comes after the holders it
 * `dependsOn`. Access runs this order; erasure runs it backwards, so a holder that needs
 * another's records to find its own (the audit log needs account ids) still finds them.
 * A new collection with an address field makes coverage.test.ts fail until it is added here.
 */
const sources: PersonalDataHolder[] = [
  accountsHolder,
  apiTokensHolder,
  webSessionsHolder,
  eventRegistrationsHolder,
  eventContactsHolder,
  personalFeedsHolder,
  fundingSubscriptionsHolder,
  fundingAlertsHolder,
  fundingContactsHolder,
  newsletterSubscribersHolder,
  newsletterDeliveriesHolder,
  newsletterSendersHolder,
  mailLedgerHolder,
  queuedJobsHolder,
  smokePingsHolder,
  suppressionHolder,
  privacyRequestsHolder,
];

export const personalDataHolders: readonly PersonalDataHolder[] = checked([
  ...sources,
  auditLogHolder(sources.filter((h) => h.key !== 'privacy.requests').map((h) => h.key)),
]);

/** Paths whose names look like an address field but hold nobody's personal data. */
export const notPersonalPaths: readonly NotPersonalPath[] = [];

export function holderByKey(key: string): PersonalDataHolder | undefined {
  return personalDataHolders.find((h) => h.key === key);
}

function checked(list: PersonalDataHolder[]): PersonalDataHolder[] {
  const seen = new Set<string>();
  for (const h of list) {
    if (seen.has(h.key)) throw new Error(`personal-data holder ${h.key} registered twice`);
    for (const d of h.dependsOn ?? []) {
      if (!seen.has(d)) throw new Error(`holder ${h.key} depends on ${d}, which must come before it`);
    }
    seen.add(h.key);
  }
  return list;
}
