import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export type EventMediaKind = 'image' | 'flyer';

/**
 * What the pages need to show an event's image or flyer, small and read by `_id`
 * (`<eventId>:<kind>`) on every page view. The bytes live apart in `event_media_files`, so a
 * page never loads megabytes it does not send.
 */
export type EventMediaInfoDoc = {
  _id: string;
  eventId: string;
  kind: EventMediaKind;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  size: number;
  /** SHA-256 of the bytes (hex): the ETag, and which file this info describes. */
  sha256: string;
  /** The image's text alternative, or the flyer's link text. */
  text: string;
  updatedAt?: Date;
};

/** The bytes. A document in the database, so backup and restore carry it with everything else. */
export type EventMediaFileDoc = { _id: string; sha256: string; bytes: Buffer };

export const EventMediaInfo = defineModel<EventMediaInfoDoc>(
  'EventMediaInfo',
  new Schema<EventMediaInfoDoc>(
    {
      _id: { type: String, required: true },
      eventId: { type: String, required: true },
      kind: { type: String, required: true, enum: ['image', 'flyer'] },
      contentType: { type: String, required: true },
      size: { type: Number, required: true },
      sha256: { type: String, required: true },
      text: { type: String, required: true, maxlength: 300 },
    },
    { ...baseSchemaOptions, collection: 'event_media' },
  ),
);

export const EventMediaFile = defineModel<EventMediaFileDoc>(
  'EventMediaFile',
  new Schema<EventMediaFileDoc>(
    {
      _id: { type: String, required: true },
      sha256: { type: String, required: true },
      bytes: { type: Buffer, required: true },
    },
    { ...baseSchemaOptions, collection: 'event_media_files' },
  ),
);
