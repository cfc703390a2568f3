import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { EventFields } from '../event-fields';
import type { SeriesSchedule } from '../series-dates';

/** What every date of a series shares; times come from the schedule. */
export type SeriesTemplate = Omit<
  EventFields,
  'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt'
>;

/**
 * The rule and template of a series. Its dates are ordinary events (own seats, waiting list,
 * registrations, iCal UID) whose `_id` derives from the series id and their index, so the
 * series reaches every date by `_id` and a repeated create inserts no second set.
 */
export type EventSeriesDoc = {
  _id: mongoose.Types.ObjectId;
  organisationId: string;
  schedule: SeriesSchedule;
  template: SeriesTemplate;
  occurrenceCount: number;
  publishedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<EventSeriesDoc>(
  {
    organisationId: { type: String, required: true },
    schedule: { type: Schema.Types.Mixed, required: true },
    template: { type: Schema.Types.Mixed, required: true },
    occurrenceCount: { type: Number, required: true },
    publishedAt: Date,
  },
  { ...baseSchemaOptions, collection: 'event_series', minimize: false },
);

export const EventSeries = defineModel<EventSeriesDoc>('EventSeries', schema);
