import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

export type AlertKind = 'published' | 'deadline-changed' | 'new-round' | 'reminder';

/**
 * One (subscription, programme, reason) a subscriber is to hear about. `_id` is
 * `<subscriptionId>:<programmeId>:<reason>`: inserting it is the idempotency check, so a match
 * that runs twice (retry, restart, reconciler) never creates a second alert. Immediate alerts
 * are mailed by their own job; digest alerts wait for the weekly digest.
 */
export type AlertDoc = {
  _id: string;
  subscriptionId: string;
  programmeId: string;
  reason: string;
  kind: AlertKind;
  deadline?: string;
  daysBefore?: number;
  mode: 'immediate' | 'digest';
  status: 'pending' | 'sent' | 'skipped';
  digestKey?: string;
  createdAt: Date;
  sentAt?: Date;
};

const schema = new Schema<AlertDoc>(
  {
    _id: { type: String, required: true },
    subscriptionId: { type: String, required: true, index: true },
    programmeId: { type: String, required: true, index: true },
    reason: { type: String, required: true },
    kind: { type: String, required: true },
    deadline: String,
    daysBefore: Number,
    mode: { type: String, required: true },
    status: { type: String, required: true, index: true },
    digestKey: String,
    createdAt: { type: Date, required: true },
    sentAt: Date,
  },
  { versionKey: false, collection: 'funding_alerts' },
);
schema.index({ mode: 1, status: 1, subscriptionId: 1 });

export const Alert = defineModel<AlertDoc>('FundingAlert', schema);

export function alertId(subscriptionId: string, programmeId: string, reason: string): string {
  return `${subscriptionId}:${programmeId}:${reason}`;
}
