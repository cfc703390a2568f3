import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';
import type { Lang } from './newsletter-list';

/**
 * The campaign's recipients, written by the fan-out and never updated: `_id` is
 * `<campaignId>:<addressHash>`, so an address on two target lists gets one record (the second
 * insert is a duplicate) and a re-run of the fan-out after a crash adds nothing.
 * What happened to each recipient lives in the insert-only claim and outcome records below:
 * FerretDB updates are neither atomic nor cheap (one write transaction each), inserts in
 * batches are both.
 */
export type DeliveryDoc = {
  _id: string;
  campaignId: string;
  subscriberId: string;
  listId: string;
  email: string;
  name?: string;
  lang: Lang;
  createdAt: Date;
};

const schema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    campaignId: { type: String, required: true, index: true },
    subscriberId: { type: String, required: true },
    listId: { type: String, required: true },
    email: { type: String, required: true },
    name: String,
    lang: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'newsletter_deliveries' },
);

export const Delivery = defineModel<DeliveryDoc>('NewsletterDelivery', schema);

export function deliveryIdOf(campaignId: string, addressHash: string): string {
  return `${campaignId}:${addressHash}`;
}

/** A send job's claim on one delivery; the unique `_id` is the lock (see docs/adr). */
export type DeliveryClaimDoc = { _id: string; campaignId: string; owner: string; at: Date };

export const DeliveryClaim = defineModel<DeliveryClaimDoc>(
  'NewsletterDeliveryClaim',
  new Schema<DeliveryClaimDoc>(
    {
      _id: { type: String, required: true },
      campaignId: { type: String, required: true, index: true },
      owner: { type: String, required: true },
      at: { type: Date, required: true },
    },
    { versionKey: false, collection: 'newsletter_delivery_claims' },
  ),
);

export const OUTCOME_STATUSES = ['sent', 'failed', 'skipped'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/**
 * The end of one delivery: sent, failed (SMTP 5xx or retries exhausted) or skipped (the
 * address was suppressed after the fan-out). Progress is counted from these records.
 */
export type DeliveryOutcomeDoc = {
  _id: string;
  campaignId: string;
  status: OutcomeStatus;
  at: Date;
  error?: string;
};

export const DeliveryOutcome = defineModel<DeliveryOutcomeDoc>(
  'NewsletterDeliveryOutcome',
  new Schema<DeliveryOutcomeDoc>(
    {
      _id: { type: String, required: true },
      campaignId: { type: String, required: true, index: true },
      status: { type: String, required: true, enum: OUTCOME_STATUSES },
      at: { type: Date, required: true },
      error: String,
    },
    { versionKey: false, collection: 'newsletter_delivery_outcomes' },
  ),
);
