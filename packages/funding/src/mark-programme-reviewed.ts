import { AppError } from '@qn/domain';
import { Programme, type ProgrammeDoc } from './models/programme';

/** An admin checked the entry against the official source and found it current. */
export async function markProgrammeReviewed(opts: { id: string; now?: Date }): Promise<ProgrammeDoc> {
  const res = await Programme.updateOne({ _id: opts.id }, { $set: { reviewedAt: opts.now ?? new Date() } });
  if (res.matchedCount === 0) throw AppError.notFound('Förderprogramm nicht gefunden.');
  return (await Programme.findById(opts.id).lean<ProgrammeDoc>())!;
}
