import { Programme, type ProgrammeDoc } from './models/programme';
import type { CreateProgrammeInput } from './programme-input';
import { assertProgrammeRules, derivedFields, normaliseDeadlines } from './programme-rules';
import { newId } from './new-id';

/** A new programme starts as a draft; nobody hears about it until it is published. */
export async function createProgramme(opts: {
  input: CreateProgrammeInput;
  id?: string;
  now?: Date;
}): Promise<ProgrammeDoc> {
  const i = opts.input;
  const shape = {
    ...i,
    programmeLine: i.programmeLine,
    region: { scope: i.region.scope, municipalities: i.region.municipalities ?? [] },
    deadlines: normaliseDeadlines(i.deadlines),
    rolling: i.rolling ?? false,
  };
  assertProgrammeRules(shape);
  const doc = await Programme.create({
    _id: opts.id ?? newId(),
    ...shape,
    ...derivedFields(shape),
    status: 'draft',
    reviewedAt: opts.now ?? new Date(),
  });
  return doc.toObject() as ProgrammeDoc;
}
