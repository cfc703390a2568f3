import type { Producer } from '@qn/queue';
import type { AlertKind } from './models/alert';

/**
 * Tells the rest of the system about a programme change: matching for subscribers (alerts
 * queue) and the domain event for calendar feeds. Both jobs have deterministic ids, so calling
 * this again for the same change (a retry, the reconciler) enqueues nothing new.
 */
export async function announceProgrammeChange(
  producer: Producer,
  opts: {
    programmeId: string;
    match?: { kind: AlertKind; reason: string };
    event?: 'published' | 'deadlines-changed' | 'details-changed' | 'archived';
    revision: number;
    requestId?: string;
  },
): Promise<void> {
  if (opts.match)
    await producer.enqueue(
      'funding.match-programme',
      { programmeId: opts.programmeId, reason: opts.match.reason, kind: opts.match.kind },
      { requestId: opts.requestId },
    );
  if (opts.event)
    await producer.enqueue(
      'funding.programme-changed',
      { programmeId: opts.programmeId, change: opts.event, revision: opts.revision },
      { requestId: opts.requestId },
    );
}
