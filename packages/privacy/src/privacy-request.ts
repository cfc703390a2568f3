import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export type RequestKind = 'access' | 'erasure';
export type RequestChannel = 'self-service' | 'admin';
export type RequestStatus = 'awaiting-confirmation' | 'running' | 'completed' | 'expired';

export type RequestStep = { name: string; at: Date; deleted: number; anonymised: number; kept?: boolean };

/**
 * The record of one data-subject request (Art. 5(2), accountability): when, what kind, done
 * when. It holds the HMAC of the address, never the address, and never the exported data.
 * While a mailed request waits for its link to be followed, `sealedAddress` holds the address
 * encrypted under a key derived from the link's token, which is not stored: only the link can
 * open it. It is removed when the request completes or expires.
 */
export type PrivacyRequestDoc = {
  _id: mongoose.Types.ObjectId;
  kind: RequestKind;
  channel: RequestChannel;
  addressHash: string;
  status: RequestStatus;
  /** `no-data`: a mailed request for an address nothing is stored about. */
  outcome?: 'no-data' | 'exported' | 'erased';
  lang: 'de' | 'en';
  tokenHash?: string;
  sealedAddress?: string;
  requestedAt: Date;
  expiresAt?: Date;
  confirmedAt?: Date;
  completedAt?: Date;
  /** Admin account that ran it (admin channel). */
  actorAccountId?: string;
  /** Erasure: each finished step, so a rerun after a crash resumes where it stopped. */
  steps: RequestStep[];
};

const stepSchema = new Schema<RequestStep>(
  {
    name: { type: String, required: true },
    at: { type: Date, required: true },
    deleted: { type: Number, required: true },
    anonymised: { type: Number, required: true },
    kept: Boolean,
  },
  { _id: false },
);

const schema = new Schema<PrivacyRequestDoc>(
  {
    kind: { type: String, required: true, enum: ['access', 'erasure'] },
    channel: { type: String, required: true, enum: ['self-service', 'admin'] },
    addressHash: { type: String, required: true, index: true },
    status: {
      type: String,
      required: true,
      enum: ['awaiting-confirmation', 'running', 'completed', 'expired'],
      index: true,
    },
    outcome: { type: String, enum: ['no-data', 'exported', 'erased'] },
    lang: { type: String, required: true, enum: ['de', 'en'] },
    tokenHash: { type: String, index: true },
    sealedAddress: String,
    requestedAt: { type: Date, required: true, index: true },
    expiresAt: Date,
    confirmedAt: Date,
    completedAt: Date,
    actorAccountId: String,
    steps: { type: [stepSchema], default: [] },
  },
  { ...baseSchemaOptions, collection: 'privacy_requests' },
);

export const PrivacyRequest = defineModel<PrivacyRequestDoc>('PrivacyRequest', schema);
