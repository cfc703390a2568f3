import { AppError } from '@qn/domain';
import { resolveAudience, type Audience } from './audience';
import { domainOf } from './build-campaign-message';
import { deleteCampaignClicks } from './campaign-clicks';
import { Campaign, type CampaignDoc } from './models/campaign';
import type { Lang } from './models/newsletter-list';
import type { NewsletterContext } from './newsletter-context';
import { newId } from './new-id';
import { campaignLock, withLock } from './redis-lock';
import { parseMailbox } from './subscriber-mails';
import { assertKnownPersonalFields } from './personal-fields';
import { assertValidTemplate } from './template';

export type CampaignInput = {
  name: string;
  subject: string;
  preheader?: string;
  from?: { name?: string; email?: string };
  replyTo?: string;
  bodyMarkdown: string;
  template?: string;
  lang?: Lang;
  audience: Audience;
  /** Opt-in, off by default: count clicks per link (never per person). */
  countClicks?: boolean;
};

function senderOf(ctx: Pick<NewsletterContext, 'mailFrom' | 'dkimDomain'>, from: CampaignInput['from']) {
  const fallback = parseMailbox(ctx.mailFrom);
  const sender = { name: from?.name ?? fallback.name, email: (from?.email ?? fallback.email).toLowerCase() };
  // With DKIM on, the signature's domain must align with From, or DMARC fails at the receiver.
  if (ctx.dkimDomain) {
    const d = domainOf(sender.email);
    const k = ctx.dkimDomain.toLowerCase();
    if (d !== k && !d.endsWith(`.${k}`))
      throw AppError.validation([
        { field: 'from.email', message: `must be an address of the signing domain ${ctx.dkimDomain}` },
      ]);
  }
  return sender;
}

export async function createCampaign(ctx: NewsletterContext, input: CampaignInput): Promise<CampaignDoc> {
  if (input.template !== undefined) assertValidTemplate(input.template);
  assertKnownPersonalFields({
    subject: input.subject,
    preheader: input.preheader,
    bodyMarkdown: input.bodyMarkdown,
  });
  await resolveAudience(input.audience);
  const doc = await Campaign.create({
    _id: newId(),
    name: input.name,
    subject: input.subject,
    preheader: input.preheader,
    from: senderOf(ctx, input.from),
    replyTo: input.replyTo,
    bodyMarkdown: input.bodyMarkdown,
    template: input.template,
    lang: input.lang ?? 'de',
    audience: { listIds: [...new Set(input.audience.listIds)], segmentId: input.audience.segmentId },
    countClicks: input.countClicks ?? false,
    status: 'draft',
    gen: 0,
  });
  return doc.toObject();
}

export async function getCampaign(id: string): Promise<CampaignDoc> {
  const c = await Campaign.findById(id).lean<CampaignDoc>();
  if (!c) throw AppError.notFound('Diese Kampagne gibt es nicht.');
  return c;
}

export async function listCampaigns(): Promise<CampaignDoc[]> {
  return Campaign.find().sort({ createdAt: -1 }).limit(500).lean<CampaignDoc[]>();
}

/** Content changes only while a draft: what was scheduled is what goes out. */
export async function updateCampaign(
  ctx: NewsletterContext,
  id: string,
  patch: Partial<Omit<CampaignInput, 'template'>> & { template?: string | null },
): Promise<CampaignDoc> {
  return withLock(ctx, campaignLock(id), async () => {
    const c = await getCampaign(id);
    if (c.status !== 'draft')
      throw AppError.conflict('Nur Entwürfe lassen sich ändern; eine geplante Kampagne erst zurückziehen.');
    if (typeof patch.template === 'string') assertValidTemplate(patch.template);
    assertKnownPersonalFields({
      subject: patch.subject,
      preheader: patch.preheader,
      bodyMarkdown: patch.bodyMarkdown,
    });
    if (patch.audience) await resolveAudience(patch.audience);
    const $set: Record<string, unknown> = {};
    for (const k of [
      'name',
      'subject',
      'preheader',
      'replyTo',
      'bodyMarkdown',
      'lang',
      'countClicks',
    ] as const)
      if (patch[k] !== undefined) $set[k] = patch[k];
    if (patch.from) $set.from = senderOf(ctx, { ...c.from, ...patch.from });
    if (typeof patch.template === 'string') $set.template = patch.template;
    if (patch.audience)
      $set.audience = { listIds: [...new Set(patch.audience.listIds)], segmentId: patch.audience.segmentId };
    await Campaign.updateOne(
      { _id: id },
      {
        ...(Object.keys($set).length ? { $set } : {}),
        ...(patch.template === null ? { $unset: { template: 1 } } : {}),
      },
    );
    return getCampaign(id);
  });
}

export async function deleteCampaign(ctx: NewsletterContext, id: string): Promise<void> {
  await withLock(ctx, campaignLock(id), async () => {
    const c = await getCampaign(id);
    if (c.status !== 'draft' && c.status !== 'cancelled')
      throw AppError.conflict('Nur Entwürfe und abgebrochene Kampagnen lassen sich löschen.');
    await Campaign.deleteOne({ _id: id });
    await deleteCampaignClicks(id);
  });
}

export function campaignView(c: CampaignDoc) {
  return {
    id: c._id,
    name: c.name,
    subject: c.subject,
    preheader: c.preheader ?? null,
    from: c.from,
    replyTo: c.replyTo ?? null,
    bodyMarkdown: c.bodyMarkdown,
    template: c.template ?? null,
    lang: c.lang,
    audience: { listIds: c.audience.listIds, segmentId: c.audience.segmentId ?? null },
    countClicks: !!c.countClicks,
    status: c.status,
    scheduledAt: c.scheduledAt ?? null,
    startedAt: c.startedAt ?? null,
    pausedAt: c.pausedAt ?? null,
    finishedAt: c.finishedAt ?? null,
    cancelledAt: c.cancelledAt ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
