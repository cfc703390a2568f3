import { randomBytes } from 'node:crypto';
import { normaliseEmail } from '@qn/domain';
import { addressHash, Suppression } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { subscriptionLinks, type MailContext } from './mail-context';
import { Subscription, type Frequency, type SubscriptionDoc } from './models/subscription';
import { SubscriptionTokenKey, tokenKeysOf } from './models/subscription-token-key';
import { newId } from './new-id';
import { renderConfirmationMail } from './render-confirmation-mail';
import { normaliseKeywords, toStoredMatch, type SubscriptionFilters } from './subscription-filters';
import { tokenHashes } from './subscription-tokens';
import { op } from './trusted';
import type { FundingSettings } from './settings';

export type SubscribeInput = {
  email: string;
  filters: SubscriptionFilters;
  frequency: Frequency;
  reminders: boolean;
};

/**
 * A sign-up: stores a pending subscription with its proof of consent and queues the
 * confirmation mail, nothing else. It returns nothing on purpose: the caller answers the same
 * whether the address is new, already subscribed, throttled or blocked, so no answer reveals
 * whether an address is subscribed. An existing subscription is replaced when this one is
 * confirmed.
 */
export async function requestSubscription(opts: {
  input: SubscribeInput;
  producer: Producer;
  mail: MailContext;
  settings: Pick<FundingSettings, 'pendingTtlHours' | 'maxPendingPerAddress'>;
  now?: Date;
  requestId?: string;
}): Promise<void> {
  const now = opts.now ?? new Date();
  const email = normaliseEmail(opts.input.email);
  const emailHash = addressHash(email, opts.mail.secret);

  // Bounces and complaints are final: no confirmation mail to such an address.
  const suppressed = await Suppression.findById(emailHash).lean();
  if (suppressed && (suppressed.reason === 'bounced' || suppressed.reason === 'complained')) return;
  // A handful of unconfirmed sign-ups per day is plenty; more is somebody mail-bombing.
  const recent = await Subscription.countDocuments({
    emailHash,
    status: 'pending',
    createdAt: op({ $gt: new Date(now.getTime() - 86_400_000) }),
  });
  if (recent >= opts.settings.maxPendingPerAddress) return;

  const base = { _id: newId(), tokenSalt: randomBytes(16).toString('base64url') };
  const hashes = tokenHashes(base, opts.mail.secret);
  // Pointers first: a crash in between leaves pointers to nothing (harmless), never a
  // subscription whose links cannot be found.
  await SubscriptionTokenKey.insertMany(tokenKeysOf({ ...base, ...hashes }));
  const doc = await Subscription.create({
    ...base,
    ...hashes,
    email,
    emailHash,
    status: 'pending',
    match: toStoredMatch(opts.input.filters),
    keywords: normaliseKeywords(opts.input.filters.keywords),
    frequency: opts.input.frequency,
    reminders: opts.input.reminders,
    consent: {
      textVersion: CONSENT_TEXT_VERSION,
      requestedAt: now,
      filters: opts.input.filters,
      frequency: opts.input.frequency,
      reminders: opts.input.reminders,
    },
    expiresAt: new Date(now.getTime() + opts.settings.pendingTtlHours * 3_600_000),
  });
  const sub = doc.toObject() as SubscriptionDoc;
  const mail = renderConfirmationMail(
    sub,
    opts.mail,
    subscriptionLinks(sub, opts.mail).confirmUrl,
    opts.settings.pendingTtlHours,
  );
  await opts.producer.enqueue(
    'mail.send',
    { ledgerKey: `funding-confirm:${sub._id}`, kind: 'funding-confirm', to: email, ...mail },
    { requestId: opts.requestId },
  );
}
