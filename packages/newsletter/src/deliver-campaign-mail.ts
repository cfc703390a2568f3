import type { Transporter } from 'nodemailer';
import { isPermanentSmtpError } from '@qn/mail';
import { BatchInsert } from './batch-insert';
import { buildCampaignRaw, campaignMessage } from './build-campaign-message';
import type { DkimKey } from './mime/dkim-sign';
import { CampaignCache } from './campaign-cache';
import {
  DeliveryClaim,
  DeliveryOutcome,
  type DeliveryClaimDoc,
  type DeliveryOutcomeDoc,
} from './models/delivery';
import type { Lang } from './models/newsletter-list';
import type { NewsletterContext } from './newsletter-context';
import { unsubscribeLink } from './links';
import { SuppressionCache } from './suppression-cache';

export type SendPayload = {
  campaignId: string;
  gen: number;
  deliveryId: string;
  listId: string;
  to: string;
  name?: string;
  lang: Lang;
};

export type DeliveryDeps = {
  ctx: NewsletterContext;
  /** SMTP only: the message arrives built and signed. */
  transport: Transporter;
  dkim?: DkimKey;
  claims: BatchInsert<DeliveryClaimDoc>;
  outcomes: BatchInsert<DeliveryOutcomeDoc>;
  campaigns: CampaignCache;
  suppression: SuppressionCache;
};

export function createDeliveryDeps(
  ctx: NewsletterContext,
  transport: Transporter,
  dkim?: DkimKey,
): DeliveryDeps {
  return {
    ctx,
    transport,
    dkim,
    claims: new BatchInsert(DeliveryClaim),
    // The per-campaign count of outcomes in Redis is a hint for the sweep, bumped per batch.
    outcomes: new BatchInsert(DeliveryOutcome, {
      afterInsert: async (docs) => {
        const per = new Map<string, number>();
        for (const d of docs) per.set(d.campaignId, (per.get(d.campaignId) ?? 0) + 1);
        for (const [campaignId, n] of per)
          await ctx.redis.incrby(doneCounterKey(ctx.keyPrefix, campaignId), n).catch(() => undefined);
      },
    }),
    campaigns: new CampaignCache(ctx),
    suppression: new SuppressionCache(),
  };
}

export type DeliverResult =
  'sent' | 'inactive' | 'already-done' | 'claimed-elsewhere' | 'suppressed' | 'failed';

/** An SMTP answer that no retry changes (5xx): the worker ends the job without retrying. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

export const doneCounterKey = (prefix: string, campaignId: string) => `${prefix}:nl-done:${campaignId}`;

/**
 * One campaign mail, claim → send → mark, the ledger pattern of @qn/mail's deliverOnce on the
 * newsletter's insert-only records (docs/adr/0005):
 *
 * 1. skip while the campaign is not `sending` (paused or cancelled): the job ends, the
 *    recipient keeps no outcome and a resume enqueues it again;
 * 2. claim: insert `{_id: deliveryId, owner: jobId}`. A duplicate means an outcome exists
 *    (skip), another job owns it (skip), or an earlier attempt of this same job claimed it and
 *    died: then send again; that is the one window, a single SMTP transaction wide;
 * 3. a suppressed address (unsubscribed since the fan-out) gets outcome `skipped`;
 * 4. send; 5xx → outcome `failed`, final; 4xx/network → retried, `failed` on the last attempt;
 * 5. mark: insert the outcome `sent`.
 */
export async function deliverCampaignMail(
  deps: DeliveryDeps,
  p: SendPayload,
  owner: string,
  attempt: { isLast: boolean },
): Promise<DeliverResult> {
  const campaign = await deps.campaigns.get(p.campaignId);
  if (!campaign || campaign.status !== 'sending') return 'inactive';
  const addressHash = p.deliveryId.slice(p.campaignId.length + 1);
  const now = new Date();
  const claim = await deps.claims.insert({ _id: p.deliveryId, campaignId: p.campaignId, owner, at: now });
  if (claim === 'duplicate') {
    if (await DeliveryOutcome.exists({ _id: p.deliveryId })) return 'already-done';
    const held = await DeliveryClaim.findById(p.deliveryId, { owner: 1 }).lean();
    if (held && held.owner !== owner) return 'claimed-elsewhere';
  }
  const mark = async (status: DeliveryOutcomeDoc['status'], error?: string) => {
    await deps.outcomes.insert({
      _id: p.deliveryId,
      campaignId: p.campaignId,
      status,
      at: new Date(),
      error,
    });
  };
  if (await deps.suppression.has(addressHash)) {
    await mark('skipped');
    return 'suppressed';
  }
  const message = campaignMessage(
    campaign.compiled,
    { email: p.to, name: p.name, addressHash, listId: p.listId },
    {
      unsubscribe: unsubscribeLink(deps.ctx, { listId: p.listId, addressHash }),
      listIdHeader: `${p.listId}.newsletter.${campaign.compiled.from.address.split('@')[1]}`,
    },
  );
  try {
    await deps.transport.sendMail(await buildCampaignRaw(message, deps.dkim));
  } catch (err) {
    const msg = (err as Error).message?.slice(0, 500) ?? 'unknown error';
    if (isPermanentSmtpError(err)) {
      await mark('failed', msg);
      throw new PermanentDeliveryError(msg);
    }
    if (attempt.isLast) await mark('failed', msg);
    throw err;
  }
  await mark('sent');
  return 'sent';
}
