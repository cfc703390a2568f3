import type { ApplicantType, FieldOfAction, FundingProvider } from '@qn/domain';
import { addDays, dateIn } from './calendar-date';
import { Programme, type ProgrammeDoc, type ProgrammeStatus } from './models/programme';
import { escapeRegex, searchWords } from './search-text';
import { op } from './trusted';

export type ProgrammeSearch = {
  fieldOfAction?: FieldOfAction;
  applicantType?: ApplicantType;
  municipality?: string;
  provider?: FundingProvider;
  /** Derived at query time from the dates and today's date in Berlin. */
  openNow?: boolean;
  closingWithinDays?: number;
  q?: string;
  /** Admins may list drafts and archived ones; the public always gets published. */
  status?: ProgrammeStatus;
  page?: number;
  limit?: number;
};

export function programmeSearchFilter(s: ProgrammeSearch, today: string): Record<string, unknown> {
  const and: Record<string, unknown>[] = [{ status: s.status ?? 'published' }];
  if (s.fieldOfAction) and.push({ fieldsOfAction: s.fieldOfAction });
  if (s.applicantType) and.push({ applicantTypes: s.applicantType });
  if (s.provider) and.push({ provider: s.provider });
  if (s.municipality)
    and.push({
      $or: [
        { 'region.scope': op({ $in: ['state', 'county'] }) },
        { 'region.municipalities': s.municipality },
      ],
    });
  if (s.openNow === true)
    and.push(
      { openUntil: op({ $gte: today }) },
      { $or: [{ opensOn: op({ $exists: false }) }, { opensOn: op({ $lte: today }) }] },
    );
  if (s.openNow === false)
    and.push({ $or: [{ openUntil: op({ $lt: today }) }, { opensOn: op({ $gt: today }) }] });
  if (s.closingWithinDays !== undefined)
    and.push({
      deadlines: op({ $elemMatch: { $gte: today, $lte: addDays(today, s.closingWithinDays) } }),
    });
  for (const w of searchWords(s.q ?? '')) and.push({ searchText: op({ $regex: escapeRegex(w) }) });
  return { $and: and };
}

/**
 * Public search. Open programmes come first, in order of the next deadline (rolling ones
 * last), then title; after them the closed ones (last deadline passed, see
 * programme-closed.ts), the most recently closed first. `total` counts both parts.
 *
 * Two filters instead of one sort, because "closed" is stored or derived from today's date and
 * no single sort key orders it. Each query reads the whole collection on FerretDB, as every
 * filter here already does; programmes are tens to a few hundred.
 */
export async function searchProgrammes(
  s: ProgrammeSearch,
  opts: { now?: Date; timeZone?: string } = {},
): Promise<{ items: ProgrammeDoc[]; total: number; page: number; limit: number; today: string }> {
  const today = dateIn(opts.timeZone ?? 'Europe/Berlin', opts.now);
  const filter = programmeSearchFilter(s, today);
  const openPart = {
    $and: [filter, { closedAt: op({ $exists: false }) }, { openUntil: op({ $gte: today }) }],
  };
  const closedPart = {
    $and: [filter, { $or: [{ closedAt: op({ $exists: true }) }, { openUntil: op({ $lt: today }) }] }],
  };
  const limit = s.limit ?? 20;
  const page = s.page ?? 1;
  const skip = (page - 1) * limit;
  const [openTotal, closedTotal] = await Promise.all([
    Programme.countDocuments(openPart),
    Programme.countDocuments(closedPart),
  ]);
  const open =
    skip < openTotal
      ? await Programme.find(openPart)
          .sort({ openUntil: 1, title: 1 })
          .skip(skip)
          .limit(limit)
          .lean<ProgrammeDoc[]>()
      : [];
  const closed =
    open.length < limit && closedTotal > 0
      ? await Programme.find(closedPart)
          .sort({ openUntil: -1, title: 1 })
          .skip(Math.max(0, skip - openTotal))
          .limit(limit - open.length)
          .lean<ProgrammeDoc[]>()
      : [];
  return { items: [...open, ...closed], total: openTotal + closedTotal, page, limit, today };
}
