import { AppError } from '@qn/domain';
import { Programme, type ProgrammeDoc } from './models/programme';

/** The public see published programmes only; admins see drafts and archived ones too. */
export async function getProgramme(opts: {
  id: string;
  includeUnpublished?: boolean;
}): Promise<ProgrammeDoc> {
  const p = await Programme.findById(opts.id).lean<ProgrammeDoc>();
  if (!p || (!opts.includeUnpublished && p.status !== 'published'))
    throw AppError.notFound('Förderprogramm nicht gefunden.');
  return p;
}
