import { createHash } from 'node:crypto';
import { AppError, textProblem, type FieldIssue } from '@qn/domain';
import {
  EventMediaFile,
  EventMediaInfo,
  type EventMediaInfoDoc,
  type EventMediaKind,
} from './models/event-media';

/**
 * Limits of an event's image and flyer. 3 MB holds a print-quality A4 flyer or a large photo;
 * the document stays far below the 16 MB document limit of MongoDB and FerretDB.
 */
export const EVENT_MEDIA_MAX_BYTES = 3 * 1024 * 1024;
export const EVENT_MEDIA_TEXT_MAX = 300;

const ACCEPTED: Record<EventMediaKind, EventMediaInfoDoc['contentType'][]> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  flyer: ['application/pdf'],
};

/**
 * The type the bytes really are, from their first bytes; what the browser claims is never
 * trusted, so a script renamed to .png is refused rather than served.
 */
export function sniffMediaType(bytes: Buffer): EventMediaInfoDoc['contentType'] | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}

const idOf = (eventId: string, kind: EventMediaKind) => `${eventId}:${kind}`;

/**
 * Stores the event's image (with its text alternative) or flyer (with its link text),
 * replacing the one before. Everything is checked first and nothing is stored on a refusal.
 * The bytes are written before the info that points at them, so a crash in between leaves
 * the old info (or none) and never info without its file.
 */
export async function setEventMedia(input: {
  eventId: string;
  kind: EventMediaKind;
  bytes: Buffer;
  text: string;
  /** The upload stopped at the size limit. */
  truncated?: boolean;
}): Promise<EventMediaInfoDoc> {
  const issues: FieldIssue[] = [];
  const text = input.text.trim();
  const type = sniffMediaType(input.bytes);
  if (input.truncated || input.bytes.length > EVENT_MEDIA_MAX_BYTES)
    issues.push({ field: 'file', message: `larger than ${EVENT_MEDIA_MAX_BYTES} bytes` });
  else if (!input.bytes.length) issues.push({ field: 'file', message: 'required' });
  else if (!type || !ACCEPTED[input.kind].includes(type))
    issues.push({ field: 'file', message: `must be ${ACCEPTED[input.kind].join(', ')}` });
  if (!text) issues.push({ field: 'text', message: 'required' });
  else if (text.length > EVENT_MEDIA_TEXT_MAX)
    issues.push({ field: 'text', message: `at most ${EVENT_MEDIA_TEXT_MAX} characters` });
  else if (textProblem(text, 'line')) issues.push({ field: 'text', message: textProblem(text, 'line')! });
  if (issues.length) throw AppError.validation(issues);

  const _id = idOf(input.eventId, input.kind);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await EventMediaFile.replaceOne({ _id }, { _id, sha256, bytes: input.bytes }, { upsert: true });
  const info: EventMediaInfoDoc = {
    _id,
    eventId: input.eventId,
    kind: input.kind,
    contentType: type!,
    size: input.bytes.length,
    sha256,
    text,
  };
  await EventMediaInfo.replaceOne({ _id }, info, { upsert: true });
  return info;
}

/** The image and flyer an event has, for its pages: two reads by `_id`, no bytes. */
export async function mediaOfEvent(
  eventId: string,
): Promise<Partial<Record<EventMediaKind, EventMediaInfoDoc>>> {
  const [image, flyer] = await Promise.all(
    (['image', 'flyer'] as const).map((k) =>
      EventMediaInfo.findById(idOf(eventId, k)).lean<EventMediaInfoDoc>(),
    ),
  );
  return { ...(image ? { image } : {}), ...(flyer ? { flyer } : {}) };
}

/** The bytes to serve, with the info they belong to; null when there is none. */
export async function loadEventMedia(
  eventId: string,
  kind: EventMediaKind,
): Promise<{ info: EventMediaInfoDoc; bytes: Buffer } | null> {
  const _id = idOf(eventId, kind);
  const info = await EventMediaInfo.findById(_id).lean<EventMediaInfoDoc>();
  if (!info) return null;
  const file = await EventMediaFile.findById(_id).lean();
  // A newer upload wrote its bytes but not yet its info: serve nothing rather than a mismatch.
  if (!file || file.sha256 !== info.sha256) return null;
  const bytes = Buffer.isBuffer(file.bytes)
    ? file.bytes
    : Buffer.from((file.bytes as { buffer: ArrayBuffer }).buffer);
  return { info, bytes };
}

/** Removes the image or flyer; removing what is not there changes nothing. */
export async function removeEventMedia(eventId: string, kind: EventMediaKind): Promise<boolean> {
  const _id = idOf(eventId, kind);
  const { deletedCount } = await EventMediaInfo.deleteOne({ _id });
  await EventMediaFile.deleteOne({ _id });
  return deletedCount > 0;
}
