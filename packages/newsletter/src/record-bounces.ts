import { normaliseEmail } from '@qn/domain';
import { addressHash } from '@qn/mail';
import { Bounce, type BounceKind } from './models/bounce';
import type { NewsletterContext } from './newsletter-context';
import { addressLock, withLock } from './redis-lock';
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
 * later hard bounce decides). Idempotent for the subscribers: replays change nothing there;
 * the bounce list counts every report it was given.
 */
export async function recordBounces(ctx: NewsletterContext, events: BounceEvent[]): Promise<BounceReport> {
  const report: BounceReport = { hard: 0, soft: 0, complaints: 0, unsubscribes: 0 };
  for (const e of events) {
    const hash = addressHash(normaliseEmail(e.email), ctx.secret);
    if (e.type === 'soft') {
      report.soft++;
      await countBounce(ctx, hash, 'soft', e.reason);
    } else if (e.type === 'hard') {
      report.hard++;
      await countBounce(ctx, hash, 'hard', e.reason);
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

/** The status code (5.1.1) of a report's reason; the diagnostic text around it often quotes the address. */
function statusCodeOf(reason?: string): string | undefined {
  return /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(reason ?? '')?.[1];
}

/**
 * One report on the address's bounce record. Under the address lock: FerretDB applies no `$inc`
 * atomically, and two reports for one address can arrive at once.
 */
async function countBounce(
  ctx: NewsletterContext,
  hash: string,
  kind: BounceKind,
  reason?: string,
  now = new Date(),
): Promise<void> {
  await withLock(ctx, addressLock(hash), async () => {
    const status = statusCodeOf(reason);
    await Bounce.updateOne(
      { _id: hash },
      {
        $inc: { [kind]: 1 },
        $setOnInsert: { [kind === 'hard' ? 'soft' : 'hard']: 0 },
        $set: { lastKind: kind, lastAt: now, ...(status ? { lastStatus: status } : {}) },
        ...(status ? {} : { $unset: { lastStatus: 1 } }),
      },
      { upsert: true },
    );
  });
}
