import { AppError } from '@qn/domain';
import { Subscription, type Frequency, type SubscriptionDoc } from './models/subscription';
import { findSubscriptionByToken } from './find-subscription';
import { noteMatchIndexChanges } from './match-index/note-match-index-changes';
import {
  filtersOf,
  normaliseKeywords,
  toStoredMatch,
  type SubscriptionFilters,
} from './subscription-filters';

export type SubscriptionView = {
  email: string;
  status: SubscriptionDoc['status'];
  filters: Required<SubscriptionFilters>;
  frequency: Frequency;
  reminders: boolean;
  confirmedAt?: Date;
};

export function toSubscriptionView(s: SubscriptionDoc): SubscriptionView {
  return {
    email: s.email,
    status: s.status,
    filters: filtersOf(s),
    frequency: s.frequency,
    reminders: s.reminders,
    confirmedAt: s.confirmedAt,
  };
}

/** The manage link works once the address is confirmed (it is first sent after that). */
export async function getManagedSubscription(token: string): Promise<SubscriptionDoc> {
  const sub = await findSubscriptionByToken('manage', token);
  if (sub.status === 'pending') throw AppError.notFound('Dieser Link ist ungültig oder abgelaufen.');
  return sub;
}

/** Changes filters, frequency or reminders of a confirmed subscription. */
export async function updateManagedSubscription(opts: {
  token: string;
  patch: { filters?: SubscriptionFilters; frequency?: Frequency; reminders?: boolean };
}): Promise<SubscriptionDoc> {
  const sub = await getManagedSubscription(opts.token);
  if (sub.status !== 'confirmed') throw new AppError('gone', 'Dieses Abonnement ist beendet.');
  const set: Record<string, unknown> = {};
  if (opts.patch.filters) {
    set.match = toStoredMatch(opts.patch.filters);
    set.keywords = normaliseKeywords(opts.patch.filters.keywords);
  }
  if (opts.patch.frequency) set.frequency = opts.patch.frequency;
  if (opts.patch.reminders !== undefined) set.reminders = opts.patch.reminders;
  await Subscription.updateOne({ _id: sub._id }, { $set: set });
  const after = (await Subscription.findById(sub._id).lean<SubscriptionDoc>())!;
  await noteMatchIndexChanges([after]);
  return after;
}
