import type { Producer } from '@qn/queue';
import { AppError } from '@qn/domain';
import { Programme, type ProgrammeDoc } from './models/programme';
import type { UpdateProgrammeInput } from './programme-input';
import { assertProgrammeRules, derivedFields, normaliseDeadlines, windowChange } from './programme-rules';
import { announceProgrammeChange } from './announce-programme';

/** What the funding-deadlines feed shows of a programme besides its dates. */
const FEED_FIELDS = ['title', 'provider', 'providerName', 'summary', 'links'] as const;

/**
 * Applies a patch. When a published programme's dates change (moved deadline, new round), its
 * subscribers are alerted and calendar feeds are told. Admin writes to one programme are rare
 * and by hand; there is no second writer to race with (the link checker writes elsewhere).
 */
export async function updateProgramme(opts: {
  id: string;
  patch: UpdateProgrammeInput;
  producer: Producer;
  now?: Date;
  requestId?: string;
}): Promise<{ programme: ProgrammeDoc; fields: string[]; change?: string }> {
  const now = opts.now ?? new Date();
  const before = await Programme.findById(opts.id).lean<ProgrammeDoc>();
  if (!before) throw AppError.notFound('Förderprogramm nicht gefunden.');
  if (before.status === 'archived')
    throw AppError.conflict('Archivierte Programme können nicht geändert werden.');

  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  for (const [k, v] of Object.entries(opts.patch)) {
    if (v === null) unset[k] = 1;
    else set[k] = v;
  }
  if (opts.patch.region)
    set.region = { scope: opts.patch.region.scope, municipalities: opts.patch.region.municipalities ?? [] };
  if (opts.patch.deadlines) set.deadlines = normaliseDeadlines(opts.patch.deadlines);

  const merged = { ...before, ...set } as ProgrammeDoc;
  for (const k of Object.keys(unset)) delete (merged as Record<string, unknown>)[k];
  assertProgrammeRules(merged);
  Object.assign(set, derivedFields(merged), { reviewedAt: now });

  const change = before.status === 'published' ? windowChange(before, merged) : undefined;
  if (change) set.lastChange = { ...change, at: now };
  // New dates reopen a closed programme; if they are past as well, the next scheduled close
  // closes it again.
  if (change && before.closedAt) unset.closedAt = 1;

  await Programme.updateOne(
    { _id: opts.id },
    { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
  );
  const programme = (await Programme.findById(opts.id).lean<ProgrammeDoc>())!;
  if (change)
    await announceProgrammeChange(opts.producer, {
      programmeId: opts.id,
      match: change,
      event: 'deadlines-changed',
      revision: programme.updatedAt.getTime(),
      requestId: opts.requestId,
    });
  else if (before.status === 'published' && FEED_FIELDS.some((k) => k in opts.patch))
    // Nobody is alerted, but the deadlines feed shows these: it must not keep the old ones.
    await announceProgrammeChange(opts.producer, {
      programmeId: opts.id,
      event: 'details-changed',
      revision: programme.updatedAt.getTime(),
      requestId: opts.requestId,
    });
  return { programme, fields: Object.keys(opts.patch), change: change?.kind };
}
