import type { Producer } from '@qn/queue';
import { AppError } from '@qn/domain';
import { Programme, type ProgrammeDoc } from './models/programme';
import { announceProgrammeChange } from './announce-programme';

/** Takes a programme off the public list; pending alerts for it are then skipped at send time. */
export async function archiveProgramme(opts: {
  id: string;
  producer: Producer;
  now?: Date;
  requestId?: string;
}): Promise<ProgrammeDoc> {
  const now = opts.now ?? new Date();
  const p = await Programme.findById(opts.id).lean<ProgrammeDoc>();
  if (!p) throw AppError.notFound('Förderprogramm nicht gefunden.');
  if (p.status !== 'archived')
    await Programme.updateOne({ _id: opts.id }, { $set: { status: 'archived', archivedAt: now } });
  const programme = (await Programme.findById(opts.id).lean<ProgrammeDoc>())!;
  if (p.status === 'published')
    await announceProgrammeChange(opts.producer, {
      programmeId: opts.id,
      event: 'archived',
      revision: programme.archivedAt!.getTime(),
      requestId: opts.requestId,
    });
  return programme;
}
