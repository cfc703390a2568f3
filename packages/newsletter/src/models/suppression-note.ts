import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export const MANUAL_SUPPRESSION_REASONS = ['request', 'invalid', 'other'] as const;
export type ManualSuppressionReason = (typeof MANUAL_SUPPRESSION_REASONS)[number];

/**
 * Why the office blocked an address by hand. The suppression list (@qn/mail) stores only hash,
 * reason and time; this adds the office's reason, chosen from a fixed set so that no free text
 * about a person is kept. `_id` is the address hash, like the suppression's.
 */
export type SuppressionNoteDoc = {
  _id: string;
  reason: ManualSuppressionReason;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<SuppressionNoteDoc>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true, enum: MANUAL_SUPPRESSION_REASONS },
  },
  { ...baseSchemaOptions, collection: 'newsletter_suppression_notes' },
);

export const SuppressionNote = defineModel<SuppressionNoteDoc>('NewsletterSuppressionNote', schema);
