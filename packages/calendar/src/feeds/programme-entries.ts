import { FUNDING_PROVIDERS, labelOf } from '@qn/domain';
import type { CalendarEntry } from '../calendar-entry';
import { programmeDeadlineUid } from '../ids';

/** The part of a funding programme a deadline feed shows (the funding domain's model). */
export type FeedProgramme = {
  _id: string;
  title: string;
  provider: string;
  providerName: string;
  summary: string;
  deadlines: string[];
  links: { label: string; url: string }[];
  status: string;
  createdAt: Date;
  updatedAt: Date;
};

// Programmes keep no change counter; minutes since this epoch of their last change rise with
// every change and fit SEQUENCE's integer for millennia.
const SEQUENCE_EPOCH = Date.UTC(2025, 0, 1);

export function programmeSequence(updatedAt: Date): number {
  return Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH) / 60_000));
}

/**
 * Each deadline of a published programme as an all-day entry on that date, linked to the
 * official source (the programme's first link). A moved deadline is a new date and so a new
 * entry; the old one leaves the feed.
 */
export function programmeEntries(p: FeedProgramme, fromDate: string): CalendarEntry[] {
  const official = p.links[0]?.url;
  return [...new Set(p.deadlines)]
    .filter((d) => d >= fromDate)
    .map((deadline) => ({
      uid: programmeDeadlineUid(p._id, deadline),
      sequence: programmeSequence(p.updatedAt),
      allDay: true as const,
      date: deadline,
      summary: `Antragsfrist: ${p.title}`,
      description: [
        p.summary,
        `Fördergeber: ${p.providerName} (${labelOf(FUNDING_PROVIDERS, p.provider)})`,
        official ? `Offizielle Informationen: ${official}` : undefined,
      ]
        .filter(Boolean)
        .join('\n\n'),
      url: official,
      status: 'CONFIRMED' as const,
      categories: ['Förderprogramm', 'Antragsfrist'],
      created: p.createdAt,
      lastModified: p.updatedAt,
    }));
}
