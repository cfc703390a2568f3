import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export type Lang = 'de' | 'en';

/** A newsletter list people subscribe to; a campaign goes to one or several of them. */
export type NewsletterListDoc = {
  _id: string;
  name: string;
  description?: string;
  lang: Lang;
  /** Optional mail right after a confirmed opt-in. */
  welcome: { enabled: boolean; subject?: string; bodyMarkdown?: string };
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<NewsletterListDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true, maxlength: 200 },
    description: { type: String, maxlength: 2000 },
    lang: { type: String, required: true, enum: ['de', 'en'], default: 'de' },
    welcome: {
      enabled: { type: Boolean, required: true, default: false },
      subject: { type: String, maxlength: 300 },
      bodyMarkdown: { type: String, maxlength: 50_000 },
    },
  },
  { ...baseSchemaOptions, collection: 'newsletter_lists' },
);

export const NewsletterList = defineModel<NewsletterListDoc>('NewsletterList', schema);
