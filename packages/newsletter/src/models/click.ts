import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * One counted click on a link of a campaign that counts clicks (opt-in per campaign): which
 * campaign, which of its links (index into `markdownLinks` of the campaign's body), nothing
 * about who clicked. Insert-only, one document per click, so concurrent clicks all count
 * (FerretDB loses concurrent `$inc`s, docs/adr/0002); the figures are counted from them.
 * Removed with their campaign.
 */
export type ClickDoc = {
  _id: string;
  campaignId: string;
  link: number;
};

const schema = new Schema<ClickDoc>(
  {
    _id: { type: String, required: true },
    campaignId: { type: String, required: true, index: true },
    link: { type: Number, required: true },
  },
  { versionKey: false, collection: 'newsletter_clicks' },
);

export const Click = defineModel<ClickDoc>('NewsletterClick', schema);
