import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * One document per taken seat, `_id` = `<eventId>:<seatNo>` with seatNo in 1..capacity. The
 * unique `_id` is the arbiter that makes overselling impossible on FerretDB, where no update is
 * atomic: two registrations can never hold the same seat, and seats left = capacity − count.
 */
export type SeatDoc = { _id: string; eventId: string; seatNo: number; registrationId: string; takenAt: Date };

const schema = new Schema<SeatDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true, index: true },
    seatNo: { type: Number, required: true },
    registrationId: { type: String, required: true, index: true },
    takenAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'event_seats' },
);

export const Seat = defineModel<SeatDoc>('Seat', schema);

export function seatId(eventId: string, seatNo: number): string {
  return `${eventId}:${seatNo}`;
}
