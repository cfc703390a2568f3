import type { Producer } from '@qn/queue';
import { AppError } from '@qn/domain';
import { Programme, type ProgrammeDoc } from './models/programme';
import { announceProgrammeChange } from './announce-programme';

/**
 * Publishes a draft: from now on it is listed and its subscribers are alerted. Publishing an
 * already published programme only re-announces (idempotent), which also mends a publish whose
 * enqueue failed after the write.
 */
export async function publishProgramme(opts: {
  id: string;
  producer: Producer;
  now?: Date;
  requestId?: string;
}): Promise<ProgrammeDoc> {
  const now = opts.now ?? new Date();
  const p = await Programme.findById(opts.id).lean<ProgrammeDoc>();
  if (!p) throw AppError.notFound('Förderprogramm nicht gefunden.');
  if (p.status === 'archived')
    throw AppError.conflict('Archivierte Programme können nicht veröffentlicht werden.');
  if (p.status === 'draft')
    await Programme.updateOne(
      { _id: opts.id },
      { $set: { status: 'published', publishedAt: now, reviewedAt: now } },
    );
  const programme = (await Programme.findById(opts.id).lean<ProgrammeDoc>())!;
  await announceProgrammeChange(opts.producer, {
    programmeId: opts.id,
    match: { kind: 'published', reason: 'published' },
    event: 'published',
    revision: programme.publishedAt!.getTime(),
    requestId: opts.requestId,
  });
  return programme;
}
