import type { Logger } from 'pino';
import { toJobId } from '@qn/queue';
import { fanOutKey } from './job-keys';
import { redispatchCampaign, finishCampaign } from './campaign-transitions';
import { doneCounterKey } from './deliver-campaign-mail';
import { Campaign, type CampaignDoc } from './models/campaign';
import { DeliveryOutcome } from './models/delivery';
import { FanoutState, type FanoutStateDoc } from './models/fanout-state';
import type { NewsletterContext } from './newsletter-context';
import { purgeStalePending } from './manage-subscribers';
import { op } from './trusted';

export type SweepDeps = {
  ctx: NewsletterContext;
  log: Logger;
  /** State of a job in the newsletter queue by id ('unknown' when there is none). */
  jobState: (jobId: string) => Promise<string>;
  /** No new outcome for this long while nothing is queued: the dispatch lost its jobs. */
  stallAfterMs?: number;
};

const fanOutJobId = (campaignId: string, gen: number) => toJobId(fanOutKey(campaignId, gen));

/**
 * The newsletter's housekeeping, every few seconds, one run at a time (a repeat job):
 * - a due `scheduled` campaign whose fan-out job is gone (an enqueue lost after the row was
 *   written) gets it again (same deterministic id);
 * - a `sending` campaign is marked `sent` when every delivery has an outcome. A Redis counter
 *   bumped per outcome is the cheap hint; the decision is taken on a count of the records;
 * - a `sending` campaign without progress and without a running fan-out is dispatched again
 *   in a new round (its send jobs were lost, e.g. Redis restarted without AOF);
 * - hourly, sign-ups nobody confirmed within 30 days are deleted.
 */
export async function sweepCampaigns(deps: SweepDeps, now = new Date()): Promise<void> {
  const { ctx } = deps;
  const due = await Campaign.find({
    status: op({ $in: ['scheduled', 'sending'] as CampaignDoc['status'][] }),
  }).lean<CampaignDoc[]>();
  for (const c of due) {
    if (c.status === 'scheduled') {
      if (c.scheduledAt && new Date(c.scheduledAt) <= now) {
        const state = await deps.jobState(fanOutJobId(c._id, c.gen));
        if (state === 'unknown') {
          deps.log.warn({ campaignId: c._id }, 'scheduled campaign had no fan-out job; enqueued again');
          await ctx.producer.enqueue('newsletter.fan-out', { campaignId: c._id, gen: c.gen });
        }
      }
      continue;
    }
    await checkSending(deps, c, now);
  }
  const hourKey = `${ctx.keyPrefix}:nl-purge:${now.toISOString().slice(0, 13)}`;
  if ((await ctx.redis.set(hourKey, '1', 'EX', 7200, 'NX')) === 'OK') {
    const purged = await purgeStalePending(now);
    if (purged) deps.log.info({ purged }, 'stale pending sign-ups deleted');
  }
}

async function checkSending(deps: SweepDeps, c: CampaignDoc, now: Date): Promise<void> {
  const { ctx } = deps;
  const state = await FanoutState.findById(c._id).lean<FanoutStateDoc>();
  const fanOut = await deps.jobState(fanOutJobId(c._id, c.gen));
  const fanOutRunning = ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'].includes(fanOut);
  const hint = Number((await ctx.redis.get(doneCounterKey(ctx.keyPrefix, c._id))) ?? 0);
  const progressKey = `${ctx.keyPrefix}:nl-progress:${c._id}`;
  const [lastHint, lastAt] = ((await ctx.redis.get(progressKey)) ?? '-1|0').split('|').map(Number) as [
    number,
    number,
  ];
  if (hint !== lastHint) await ctx.redis.set(progressKey, `${hint}|${now.getTime()}`, 'EX', 86_400);
  const idleMs = hint === lastHint ? now.getTime() - lastAt : 0;

  if (state?.expanded) {
    const total = state.total ?? 0;
    // Count the records when the hint says done, or after a few idle seconds: a worker killed
    // between writing an outcome and bumping the hint loses that bump for good.
    if (hint >= total || idleMs > 5_000 || total === 0) {
      const done = await DeliveryOutcome.countDocuments({ campaignId: c._id });
      if (done >= total) {
        if (await finishCampaign(ctx, c._id, c.gen, now))
          deps.log.info({ campaignId: c._id, total }, 'campaign sent');
        return;
      }
    }
  }
  if (!fanOutRunning && idleMs > (deps.stallAfterMs ?? 120_000)) {
    deps.log.warn({ campaignId: c._id, gen: c.gen, fanOut }, 'campaign stalled; dispatching again');
    await ctx.redis.set(progressKey, `${hint}|${now.getTime()}`, 'EX', 86_400);
    await redispatchCampaign(ctx, c._id, c.gen);
  }
}
