import { addressHash } from '@qn/mail';
import { campaignMessage } from './build-campaign-message';
import { getCampaign } from './campaigns';
import { testUnsubscribeLink } from './links';
import type { NewsletterContext } from './newsletter-context';
import { compileCampaign } from './render-campaign';

/** The campaign as a recipient would see it (sample name, a do-nothing unsubscribe link). */
export async function previewCampaign(
  ctx: NewsletterContext,
  id: string,
  sample: { name?: string; email?: string } = {},
) {
  const c = await getCampaign(id);
  const cc = compileCampaign(c, ctx, { countClicks: false });
  const email = sample.email ?? 'vorschau@example.org';
  const hash = addressHash(email, ctx.secret);
  const m = campaignMessage(
    cc,
    { email, name: sample.name, addressHash: hash },
    { unsubscribe: testUnsubscribeLink(ctx, c._id, hash) },
  );
  return {
    subject: String(m.subject),
    preheader: cc.preheader,
    from: cc.from,
    html: String(m.html),
    text: String(m.text),
  };
}
