import { normaliseEmail } from '@qn/domain';
import { addressHash } from '@qn/mail';
import type { NewsletterContext } from './newsletter-context';
import { stopAddress } from './unsubscribe-address';

export type BounceEvent = {
  email: string;
  /** hard: permanent (5.x.x) · soft: temporary, only counted · complaint: marked as spam · unsubscribe: a mailto request */
  type: 'hard' | 'soft' | 'complaint' | 'unsubscribe';
  reason?: string;
};

export type BounceReport = { hard: number; soft: number; complaints: number; unsubscribes: number };

/**
 * Applies bounce events from the relay's webhook or a DSN mailbox: a hard bounce marks every
 * list record of the address `bounced` and suppresses it, a complaint `complained`, a mailto
 * unsubscription `unsubscribed`. Soft bounces change nothing (the relay retried already; a
 * later hard bounce decides). Idempotent: replays change nothing.
 */
export async function recordBounces(ctx: NewsletterContext, events: BounceEvent[]): Promise<BounceReport> {
  const report: BounceReport = { hard: 0, soft: 0, complaints: 0, unsubscribes: 0 };
  for (const e of events) {
    const hash = addressHash(normaliseEmail(e.email), ctx.secret);
    if (e.type === 'soft') report.soft++;
    else if (e.type === 'hard') {
      report.hard++;
      await stopAddress(ctx, hash, 'bounced');
    } else if (e.type === 'complaint') {
      report.complaints++;
      await stopAddress(ctx, hash, 'complained');
    } else {
      report.unsubscribes++;
      await stopAddress(ctx, hash, 'unsubscribed');
    }
  }
  return report;
}
