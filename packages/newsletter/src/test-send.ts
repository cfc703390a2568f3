import type { Transporter } from 'nodemailer';
import { normaliseEmail, AppError } from '@qn/domain';
import { addressHash, deliverOnce } from '@qn/mail';
import { buildCampaignRaw, campaignMessage } from './build-campaign-message';
import type { DkimKey } from './mime/dkim-sign';
import { getCampaign } from './campaigns';
import { testUnsubscribeLink } from './links';
import type { NewsletterContext } from './newsletter-context';
import { Subscriber, subscriberIdOf } from './models/subscriber';
import { compileCampaign } from './render-campaign';
import { createHash } from 'node:crypto';

export const MAX_TEST_RECIPIENTS = 10;

/** Queues a test send of a campaign (any status) to a few given addresses. */
export async function requestTestSend(
  ctx: NewsletterContext,
  campaignId: string,
  to: string[],
  requestKey: string,
): Promise<number> {
  await getCampaign(campaignId);
  const addresses = [...new Set(to.map(normaliseEmail))];
  if (addresses.length === 0 || addresses.length > MAX_TEST_RECIPIENTS)
    throw AppError.validation([{ field: 'to', message: `1 to ${MAX_TEST_RECIPIENTS} addresses` }]);
  await ctx.producer.enqueueBulk(
    'newsletter.send-test',
    addresses.map((a) => ({ payload: { campaignId, to: a, requestKey } })),
  );
  return addresses.length;
}

/**
 * A test address that is on one of the campaign's lists gets its own name filled in, as the real
 * send would; by `_id`, a few lookups per test mail.
 */
async function nameOnLists(listIds: string[], hash: string): Promise<string | undefined> {
  for (const listId of listIds) {
    const s = await Subscriber.findById(subscriberIdOf(listId, hash), { name: 1 }).lean<{ name?: string }>();
    if (s?.name) return s.name;
  }
  return undefined;
}

/**
 * The test mail: rendered like the real one (same template, headers and signature), subject
 * prefixed [TEST], its unsubscribe link leading to a page that changes nothing.
 */
export async function sendTestMail(
  ctx: NewsletterContext,
  transport: Transporter,
  p: { campaignId: string; to: string; requestKey: string },
  owner: string,
  dkim?: DkimKey,
): Promise<void> {
  const c = await getCampaign(p.campaignId);
  const cc = compileCampaign(c, ctx, { countClicks: false });
  const hash = addressHash(p.to, ctx.secret);
  const message = campaignMessage(
    cc,
    { email: p.to, addressHash: hash, name: await nameOnLists(c.audience.listIds, hash) },
    { unsubscribe: testUnsubscribeLink(ctx, c._id, hash) },
    {
      subjectPrefix: '[TEST] ',
      messageId: `<nl-test.${createHash('sha256').update(`${p.requestKey}:${hash}`).digest('hex').slice(0, 16)}@${cc.from.address.split('@')[1]}>`,
    },
  );
  await deliverOnce(transport, {
    ledgerKey: `newsletter-test:${c._id}:${p.requestKey}:${hash.slice(0, 16)}`,
    kind: 'newsletter-test',
    owner,
    message: { ...(await buildCampaignRaw(message, dkim)), to: p.to },
  });
}
