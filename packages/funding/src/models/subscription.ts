import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'ended';
export type Frequency = 'immediate' | 'weekly';

/**
 * Filters as the database matches them: one array per dimension, holding keys or the ANY
 * sentinel ('*') when the subscriber chose none. A programme's match query is then one `$in`
 * per dimension (programme keys + '*'), so matching never loads subscriptions into memory.
 */
export type StoredMatch = {
  fieldsOfAction: string[];
  applicantTypes: string[];
  municipalities: string[];
  providers: string[];
};

export type SubscriptionDoc = {
  _id: string;
  /** Normalised (normaliseEmail). */
  email: string;
  /** HMAC of the address, the suppression list's key. */
  emailHash: string;
  status: SubscriptionStatus;
  match: StoredMatch;
  /** Normalised keywords; empty = no keyword filter. Checked while streaming. */
  keywords: string[];
  frequency: Frequency;
  reminders: boolean;
  /** Tokens are HMACs of (purpose, id, salt): reproducible for each mail, stored only hashed. */
  tokenSalt: string;
  confirmTokenHash: string;
  manageTokenHash: string;
  unsubscribeTokenHash: string;
  /** Proof of consent: what was asked for, under which consent text, and when it was confirmed. */
  consent: {
    textVersion: string;
    requestedAt: Date;
    filters: Record<string, unknown>;
    frequency: Frequency;
    reminders: boolean;
    confirmedAt?: Date;
  };
  expiresAt?: Date;
  confirmedAt?: Date;
  unsubscribedAt?: Date;
  endedReason?: 'suppressed' | 'replaced';
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<SubscriptionDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, index: true },
    emailHash: { type: String, required: true, index: true },
    status: { type: String, required: true, index: true },
    match: {
      fieldsOfAction: { type: [String], required: true },
      applicantTypes: { type: [String], required: true },
      municipalities: { type: [String], required: true },
      providers: { type: [String], required: true },
    },
    keywords: { type: [String], default: [] },
    frequency: { type: String, required: true },
    reminders: { type: Boolean, required: true },
    tokenSalt: { type: String, required: true },
    confirmTokenHash: { type: String, required: true, unique: true },
    manageTokenHash: { type: String, required: true, unique: true },
    unsubscribeTokenHash: { type: String, required: true, unique: true },
    consent: {
      textVersion: { type: String, required: true },
      requestedAt: { type: Date, required: true },
      filters: { type: Schema.Types.Mixed, required: true },
      frequency: { type: String, required: true },
      reminders: { type: Boolean, required: true },
      confirmedAt: Date,
    },
    expiresAt: { type: Date, index: true },
    confirmedAt: Date,
    unsubscribedAt: Date,
    endedReason: String,
  },
  { ...baseSchemaOptions, collection: 'funding_subscriptions', minimize: false },
);

export const Subscription = defineModel<SubscriptionDoc>('FundingSubscription', schema);
