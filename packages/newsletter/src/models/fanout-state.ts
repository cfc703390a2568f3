import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * Whether a campaign's audience expansion has finished, and the total it counted: written only
 * by the fan-out job. Created when an expansion starts, so a later run knows it is not the first.
 */
export type FanoutStateDoc = { _id: string; expanded: boolean; total?: number };

export const FanoutState = defineModel<FanoutStateDoc>(
  'NewsletterFanoutState',
  new Schema<FanoutStateDoc>(
    {
      _id: { type: String, required: true },
      expanded: { type: Boolean, required: true, default: false },
      total: Number,
    },
    { versionKey: false, collection: 'newsletter_fanout_state' },
  ),
);
