import { AppError } from '@qn/domain';
import { countAudience, resolveAudience } from './audience';
import { getCampaign } from './campaigns';
import { Campaign, type CampaignDoc, type CampaignStatus } from './models/campaign';
import type { NewsletterContext } from './newsletter-context';
import { campaignLock, withLock } from './redis-lock';
import { validateTemplate } from './template';
import { fanOutKey } from './job-keys';
import { QueueName } from '@qn/queue';

/** A schedule this far in the past (clock skew, a slow form) still counts as "now". */
const PAST_TOLERANCE_MS = 60_000;

async function transition(
  ctx: NewsletterContext,
  id: string,
  from: CampaignStatus[],
  change: (c: CampaignDoc) => Promise<Record<string, unknown>>,
  refuse: (c: CampaignDoc) => string,
): Promise<CampaignDoc> {
  return withLock(ctx, campaignLock(id), async () => {
    const c = await getCampaign(id);
    if (!from.includes(c.status)) throw AppError.conflict(refuse(c));
    const $set = await change(c);
    await Campaign.updateOne({ _id: id }, { $set });
    return { ...c, ...$set } as CampaignDoc;
  });
}

const statusWord: Record<CampaignStatus, string> = {
  draft: 'ein Entwurf',
  scheduled: 'geplant',
  sending: 'im Versand',
  paused: 'pausiert',
  sent: 'versendet',
  cancelled: 'abgebrochen',
};

/**
 * Schedules a draft for `at`, or for now when `at` is missing. Refuses a time in the past, an
 * empty audience and a template without the unsubscribe link. The campaign row is written
 * first, then the delayed fan-out job; should the enqueue be lost, the sweep finds a due
 * scheduled campaign without a running fan-out and enqueues it.
 */
export async function scheduleCampaign(
  ctx: NewsletterContext,
  id: string,
  opts: { at?: Date; now?: Date; requestId?: string } = {},
): Promise<CampaignDoc> {
  const now = opts.now ?? new Date();
  if (opts.at && opts.at.getTime() < now.getTime() - PAST_TOLERANCE_MS)
    throw AppError.validation(
      [{ field: 'at', message: 'liegt in der Vergangenheit' }],
      'Der Versandzeitpunkt liegt in der Vergangenheit. Bitte einen Zeitpunkt in der Zukunft wählen oder sofort senden.',
    );
  const at = opts.at && opts.at > now ? opts.at : now;
  const c = await transition(
    ctx,
    id,
    ['draft'],
    async (c) => {
      if (c.template) {
        const issues = validateTemplate(c.template);
        if (issues.length)
          throw AppError.validation(
            issues,
            'Die Vorlage enthält keinen Abmeldelink-Platzhalter {{unsubscribe_url}}.',
          );
      }
      const query = await resolveAudience(c.audience);
      if ((await countAudience(query, { stopAt: 1 })) === 0)
        throw AppError.unprocessable(
          'Die Zielgruppe ist leer: keine bestätigten, nicht gesperrten Abonnentinnen und Abonnenten auf den gewählten Listen bzw. im Segment.',
          [{ field: 'audience', message: 'empty' }],
        );
      return { status: 'scheduled', scheduledAt: at, gen: c.gen + 1 };
    },
    (c) => `Die Kampagne ist ${statusWord[c.status]}; planen lässt sich nur ein Entwurf.`,
  );
  await ctx.producer.enqueue(
    'newsletter.fan-out',
    { campaignId: id, gen: c.gen },
    { delay: Math.max(0, at.getTime() - Date.now()), requestId: opts.requestId },
  );
  return c;
}

/** Back to draft before it started; the delayed fan-out job is removed (and would stop anyway). */
export async function unscheduleCampaign(ctx: NewsletterContext, id: string): Promise<CampaignDoc> {
  const c = await transition(
    ctx,
    id,
    ['scheduled'],
    async () => ({ status: 'draft' }),
    (c) => `Die Kampagne ist ${statusWord[c.status]}, nicht geplant.`,
  );
  await ctx.producer.remove(QueueName.newsletter, fanOutKey(id, c.gen));
  await Campaign.updateOne({ _id: id }, { $unset: { scheduledAt: 1 } });
  return getCampaign(id);
}

/**
 * Pause: the fan-out stops enqueueing at its next batch, and send jobs already queued skip
 * while the campaign is not `sending` (they look at the status before claiming a recipient).
 */
export async function pauseCampaign(ctx: NewsletterContext, id: string): Promise<CampaignDoc> {
  return transition(
    ctx,
    id,
    ['sending'],
    async () => ({ status: 'paused', pausedAt: new Date() }),
    (c) => `Die Kampagne ist ${statusWord[c.status]}; pausieren lässt sich nur eine laufende.`,
  );
}

/**
 * Resume: a new dispatch round (`gen` + 1) enqueues every recipient that has no outcome yet;
 * recipients already sent are skipped by the outcome records, ones in flight by their claims.
 */
export async function resumeCampaign(
  ctx: NewsletterContext,
  id: string,
  requestId?: string,
): Promise<CampaignDoc> {
  const c = await transition(
    ctx,
    id,
    ['paused'],
    async (c) => ({ status: 'sending', gen: c.gen + 1 }),
    (c) => `Die Kampagne ist ${statusWord[c.status]}; fortsetzen lässt sich nur eine pausierte.`,
  );
  await ctx.producer.enqueue('newsletter.fan-out', { campaignId: id, gen: c.gen }, { requestId });
  return c;
}

/** Restarts dispatch of a `sending` campaign whose jobs were lost (the sweep decides when). */
export async function redispatchCampaign(ctx: NewsletterContext, id: string, gen: number): Promise<boolean> {
  const c = await withLock(ctx, campaignLock(id), async () => {
    const c = await getCampaign(id);
    if (c.status !== 'sending' || c.gen !== gen) return null;
    await Campaign.updateOne({ _id: id }, { $set: { gen: gen + 1 } });
    return { ...c, gen: gen + 1 };
  });
  if (!c) return false;
  await ctx.producer.enqueue('newsletter.fan-out', { campaignId: id, gen: c.gen });
  return true;
}

export async function cancelCampaign(ctx: NewsletterContext, id: string): Promise<CampaignDoc> {
  const c = await transition(
    ctx,
    id,
    ['draft', 'scheduled', 'sending', 'paused'],
    async () => ({ status: 'cancelled', cancelledAt: new Date() }),
    (c) => `Die Kampagne ist ${statusWord[c.status]}; abbrechen geht nicht mehr.`,
  );
  await ctx.producer.remove(QueueName.newsletter, fanOutKey(id, c.gen));
  return c;
}

/** Called by the fan-out when a scheduled campaign's time has come. */
export async function startScheduledCampaign(
  ctx: NewsletterContext,
  id: string,
  gen: number,
  now = new Date(),
): Promise<CampaignDoc | null> {
  return withLock(ctx, campaignLock(id), async () => {
    const c = await Campaign.findById(id).lean<CampaignDoc>();
    if (!c || c.gen !== gen) return null;
    if (c.status === 'sending') return c;
    if (c.status !== 'scheduled') return null;
    const $set = { status: 'sending' as const, startedAt: now };
    await Campaign.updateOne({ _id: id }, { $set });
    return { ...c, ...$set };
  });
}

/** Called by the sweep once every recipient has an outcome. */
export async function finishCampaign(
  ctx: NewsletterContext,
  id: string,
  gen: number,
  now = new Date(),
): Promise<boolean> {
  return withLock(ctx, campaignLock(id), async () => {
    const c = await Campaign.findById(id).lean<CampaignDoc>();
    if (!c || c.status !== 'sending' || c.gen !== gen) return false;
    await Campaign.updateOne({ _id: id }, { $set: { status: 'sent', finishedAt: now } });
    return true;
  });
}
