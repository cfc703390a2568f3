import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * How far the audience expansion of a campaign got: written only by the fan-out job, so a
 * restarted fan-out continues after the last saved subscriber instead of from the start.
 */
export type FanoutStateDoc = { _id: string; cursor?: string; expanded: boolean; total?: number };

export const FanoutState = defineModel<FanoutStateDoc>(
  'NewsletterFanoutState',
  new Schema<FanoutStateDoc>(
    {
      _id: { type: String, required: true },
      cursor: String,
      expanded: { type: Boolean, required: true, default: false },
      total: Number,
    },
    { versionKey: false, collection: 'newsletter_fanout_state' },
  ),
);
