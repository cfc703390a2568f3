import { randomBytes } from 'node:crypto';
import { normaliseEmail } from '@qn/domain';
import { addressHash, Suppression } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { claimAddressKey, countAddressKeys, recentAddressKeys } from './address-keys';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { subscriptionLinks, type MailContext } from './mail-context';
import { Subscription, type Frequency, type SubscriptionDoc } from './models/subscription';
import { SubscriptionTokenKey, tokenKeysOf } from './models/subscription-token-key';
import { newId } from './new-id';
import { renderConfirmationMail } from './render-confirmation-mail';
import { normaliseKeywords, toStoredMatch, type SubscriptionFilters } from './subscription-filters';
import { tokenHashes } from './subscription-tokens';
import type { FundingSettings } from './settings';

export type SubscribeInput = {
  email: string;
  filters: SubscriptionFilters;
  frequency: Frequency;
  reminders: boolean;
};

/** Sign-ups of one address read back to apply the daily limit; more than this is abuse anyway. */
const RECENT_READ_LIMIT = 20;

/**
 * A sign-up: stores a pending subscription with its proof of consent and queues the
 * confirmation mail, nothing else. It returns nothing on purpose: the caller answers the same
 * whether the address is new, already subscribed, throttled or blocked, so no answer reveals
 * whether an address is subscribed. An existing subscription is replaced when this one is
 * confirmed. Every read and write goes by `_id`; of sign-ups of one address racing each other
 * one makes a subscription and sends its mail.
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
  const match = toStoredMatch(opts.input.filters);
  const keywords = normaliseKeywords(opts.input.filters.keywords);

  // The address's sign-ups of the last day, by `_id` reads of its keys (docs/adr/0009). A
  // handful of unconfirmed ones per day is plenty; more is somebody mail-bombing. One whose
  // subscription is not written yet is still under way and counts as unconfirmed: the keys are
  // claimed one after another, so the limit holds however many sign-ups race.
  const count = await countAddressKeys(emailHash);
  const recent = await recentAddressKeys(
    emailHash,
    count,
    new Date(now.getTime() - 86_400_000),
    RECENT_READ_LIMIT,
  );
  if (recent.length >= RECENT_READ_LIMIT) return;
  let unconfirmed = 0;
  for (const k of recent) {
    const s = await Subscription.findById(k.subscriptionId, { status: 1 }).lean();
    if (!s || s.status === 'pending') unconfirmed++;
  }
  if (unconfirmed >= opts.settings.maxPendingPerAddress) return;

  const base = { _id: newId(), tokenSalt: randomBytes(16).toString('base64url') };
  const hashes = tokenHashes(base, opts.mail.secret);
  // The next key of the address decides: of sign-ups racing for it one goes on, the others end
  // here (the same answer as always; the winner's mail carries the link).
  if (!(await claimAddressKey(emailHash, count, { subscriptionId: base._id, createdAt: now }))) return;
  // Pointers first: a crash in between leaves pointers to nothing (harmless), never a
  // subscription whose links cannot be found.
  await SubscriptionTokenKey.insertMany(tokenKeysOf({ ...base, ...hashes }));
  const doc = await Subscription.create({
    ...base,
    ...hashes,
    email,
    emailHash,
    status: 'pending',
    match,
    keywords,
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
