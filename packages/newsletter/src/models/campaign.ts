import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { Lang } from './newsletter-list';

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A newsletter issue. Only status transitions change it after it left the draft state, each
 * under the campaign's Redis lock (FerretDB updates are not atomic). `gen` counts dispatch
 * rounds (first send, each resume): job ids carry it, so a resume never collides with the
 * retained jobs of the round before.
 */
export type CampaignDoc = {
  _id: string;
  name: string;
  subject: string;
  preheader?: string;
  from: { name: string; email: string };
  replyTo?: string;
  bodyMarkdown: string;
  /** Optional HTML template; must contain {{content}} and {{unsubscribe_url}}. */
  template?: string;
  lang: Lang;
  audience: { listIds: string[]; segmentId?: string };
  /** Opt-in: links in the body go through the counting redirect (click-links.ts). */
  countClicks?: boolean;
  status: CampaignStatus;
  gen: number;
  scheduledAt?: Date;
  startedAt?: Date;
  pausedAt?: Date;
  finishedAt?: Date;
  cancelledAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<CampaignDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true, maxlength: 200 },
    subject: { type: String, required: true, maxlength: 300 },
    preheader: { type: String, maxlength: 300 },
    from: {
      name: { type: String, required: true, maxlength: 200 },
      email: { type: String, required: true, maxlength: 254 },
    },
    replyTo: { type: String, maxlength: 254 },
    bodyMarkdown: { type: String, required: true, maxlength: 200_000 },
    template: { type: String, maxlength: 200_000 },
    lang: { type: String, required: true, enum: ['de', 'en'], default: 'de' },
    audience: {
      listIds: { type: [String], required: true },
      segmentId: String,
    },
    countClicks: { type: Boolean, default: false },
    status: { type: String, required: true, enum: CAMPAIGN_STATUSES, index: true },
    gen: { type: Number, required: true, default: 0 },
    scheduledAt: Date,
    startedAt: Date,
    pausedAt: Date,
    finishedAt: Date,
    cancelledAt: Date,
  },
  { ...baseSchemaOptions, collection: 'newsletter_campaigns' },
);

export const Campaign = defineModel<CampaignDoc>('NewsletterCampaign', schema);
