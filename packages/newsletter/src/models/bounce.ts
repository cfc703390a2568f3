import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export const BOUNCE_KINDS = ['hard', 'soft'] as const;
export type BounceKind = (typeof BOUNCE_KINDS)[number];

/**
 * The bounces one address has caused, for the office's bounce list. `_id` is the address hash,
 * as on the suppression list: the address itself stays on the subscriber records (and goes with
 * them on erasure). Only the status code of the last report is kept, never the diagnostic text,
 * which often quotes the address.
 */
export type BounceDoc = {
  _id: string;
  hard: number;
  soft: number;
  lastKind: BounceKind;
  lastAt: Date;
  lastStatus?: string;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<BounceDoc>(
  {
    _id: { type: String, required: true },
    hard: { type: Number, required: true, default: 0 },
    soft: { type: Number, required: true, default: 0 },
    lastKind: { type: String, required: true, enum: BOUNCE_KINDS },
    lastAt: { type: Date, required: true },
    lastStatus: { type: String, maxlength: 20 },
  },
  { ...baseSchemaOptions, collection: 'newsletter_bounces' },
);

export const Bounce = defineModel<BounceDoc>('NewsletterBounce', schema);
