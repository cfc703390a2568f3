import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { EventQuestion } from '../event-questions';

export type EventStatus = 'draft' | 'published' | 'cancelled';
export type PromotionMode = 'automatic' | 'offer';

export type EventDoc = {
  _id: mongoose.Types.ObjectId;
  organisationId: string;
  title: string;
  description: string;
  kind: string;
  fieldsOfAction: string[];
  municipality: string;
  venue: { name: string; street?: string; postalCode?: string; city?: string };
  onlineUrl?: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  waitlistEnabled: boolean;
  promotionMode: PromotionMode;
  offerHours: number;
  maxCompanions: number;
  registrationOpensAt?: Date;
  registrationClosesAt?: Date;
  audience?: string;
  contact: { name: string; email: string; phone?: string };
  accessibility?: string;
  /** Minutes before the start; one reminder per offset. */
  reminderOffsetsMinutes: number[];
  status: EventStatus;
  /** iCalendar SEQUENCE: raised on every change attendees' calendars must follow. */
  sequence: number;
  /** Normalised words of title, description, venue (FerretDB has no text index). */
  searchTerms: string[];
  publishedAt?: Date;
  /** The sequence at publication: registrants are owed change notices only for later ones. */
  publishedSequence?: number;
  cancelledAt?: Date;
  /** Asked at registration (event-questions.ts); absent on events that ask none. */
  questions?: EventQuestion[];
  /** Set when the retention job blanked the attendees' personal data. */
  anonymisedAt?: Date;
  /** The series this event is a date of (event_series `_id`), and its index there from 0. */
  seriesId?: string;
  occurrence?: number;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<EventDoc>(
  {
    organisationId: { type: String, required: true, index: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    kind: { type: String, required: true, index: true },
    fieldsOfAction: { type: [String], index: true },
    municipality: { type: String, required: true, index: true },
    venue: {
      name: { type: String, required: true },
      street: String,
      postalCode: String,
      city: String,
    },
    onlineUrl: String,
    startsAt: { type: Date, required: true, index: true },
    endsAt: { type: Date, required: true },
    capacity: { type: Number, required: true },
    waitlistEnabled: { type: Boolean, default: true },
    promotionMode: { type: String, enum: ['automatic', 'offer'], default: 'automatic' },
    offerHours: { type: Number, default: 48 },
    maxCompanions: { type: Number, default: 0 },
    registrationOpensAt: Date,
    registrationClosesAt: Date,
    audience: String,
    contact: {
      name: { type: String, required: true },
      email: { type: String, required: true },
      phone: String,
    },
    accessibility: String,
    reminderOffsetsMinutes: { type: [Number], default: [24 * 60] },
    status: { type: String, enum: ['draft', 'published', 'cancelled'], default: 'draft', index: true },
    sequence: { type: Number, default: 0 },
    searchTerms: { type: [String], index: true },
    publishedAt: Date,
    publishedSequence: Number,
    cancelledAt: Date,
    questions: {
      type: [
        {
          _id: false,
          id: { type: String, required: true },
          label: { type: String, required: true },
          type: { type: String, enum: ['text', 'choice', 'yesno'], required: true },
          required: { type: Boolean, default: false },
          options: { type: [String], default: undefined },
        },
      ],
      default: undefined,
    },
    anonymisedAt: Date,
    seriesId: String,
    occurrence: Number,
  },
  { ...baseSchemaOptions, collection: 'events' },
);

export const Event = defineModel<EventDoc>('Event', schema);
