import type { Producer } from '@qn/queue';
import { MatchRun } from './models/match-run';
import { Programme, type ProgrammeDoc } from './models/programme';
import { op } from './trusted';
import { announceProgrammeChange } from './announce-programme';

/**
 * The outbox's other half: a programme write and its enqueue are two steps, and a crash or a
 * Redis outage between them would lose the alerts. Recently published or changed programmes
 * whose matching never finished are announced again; job ids and alert ids keep it idempotent.
 */
export async function reconcileMatches(opts: {
  producer: Producer;
  now?: Date;
  lookbackDays?: number;
  graceMs?: number;
}): Promise<number> {
  const now = (opts.now ?? new Date()).getTime();
  const since = new Date(now - (opts.lookbackDays ?? 7) * 86_400_000);
  const settled = new Date(now - (opts.graceMs ?? 5 * 60_000));
  const recent = await Programme.find(
    { status: 'published', updatedAt: op({ $gte: since }) },
    { _id: 1, publishedAt: 1, lastChange: 1, updatedAt: 1 },
  ).lean<Pick<ProgrammeDoc, '_id' | 'publishedAt' | 'lastChange' | 'updatedAt'>[]>();
  let redone = 0;
  for (const p of recent) {
    const wanted = [
      { kind: 'published' as const, reason: 'published', at: p.publishedAt },
      ...(p.lastChange
        ? [{ kind: p.lastChange.kind, reason: p.lastChange.reason, at: p.lastChange.at }]
        : []),
    ];
    for (const w of wanted) {
      if (!w.at || w.at > settled) continue;
      if (await MatchRun.exists({ _id: `${p._id}:${w.reason}` })) continue;
      await announceProgrammeChange(opts.producer, {
        programmeId: p._id,
        match: { kind: w.kind, reason: w.reason },
        revision: w.at.getTime(),
      });
      redone++;
    }
  }
  return redone;
}
