import { escapeHtml } from '@qn/mail';
import { clickRewriter } from './click-links';
import { markdownToHtml, markdownToText } from './markdown';
import { compileTemplate, DEFAULT_TEMPLATE, fillTemplate, type TemplatePart } from './template';
import type { CampaignDoc } from './models/campaign';
import type { Lang } from './models/newsletter-list';
import type { NewsletterContext } from './newsletter-context';
import { compileFields, fillFields, type FieldParts } from './personal-fields';

/** A campaign rendered once (Markdown, template split); each recipient then costs a join. */
export type CompiledCampaign = {
  id: string;
  subject: string;
  preheader: string;
  from: { name: string; address: string };
  replyTo?: string;
  lang: Lang;
  contentHtml: string;
  contentText: string;
  parts: TemplatePart[];
  /** Subject and body with their personal fields ({{name}}) split out, see personal-fields.ts. */
  personal: { subject: FieldParts; preheader: FieldParts; html: FieldParts; text: FieldParts };
  officeName: string;
  privacyUrl: string;
  imprintUrl: string;
};

/**
 * `countClicks` (default: the campaign's own setting) sends the body's links through the
 * counting redirect; preview and test sends pass false, so staff see and follow the real links
 * and their clicks are not counted.
 */
export function compileCampaign(
  c: Pick<
    CampaignDoc,
    | '_id'
    | 'subject'
    | 'preheader'
    | 'from'
    | 'replyTo'
    | 'lang'
    | 'bodyMarkdown'
    | 'template'
    | 'countClicks'
  >,
  ctx: Pick<NewsletterContext, 'publicUrl' | 'officeName' | 'secret'>,
  opts: { countClicks?: boolean } = {},
): CompiledCampaign {
  const hrefs = (opts.countClicks ?? c.countClicks) ? clickRewriter(ctx, c._id, c.bodyMarkdown) : undefined;
  const contentHtml = markdownToHtml(c.bodyMarkdown, hrefs);
  const contentText = markdownToText(c.bodyMarkdown, hrefs);
  return {
    id: c._id,
    subject: c.subject,
    preheader: c.preheader ?? '',
    from: { name: c.from.name, address: c.from.email },
    replyTo: c.replyTo,
    lang: c.lang,
    contentHtml,
    contentText,
    parts: compileTemplate(c.template ?? DEFAULT_TEMPLATE),
    personal: {
      subject: compileFields(c.subject),
      preheader: compileFields(c.preheader ?? ''),
      html: compileFields(contentHtml),
      text: compileFields(contentText),
    },
    officeName: ctx.officeName,
    privacyUrl: `${ctx.publicUrl}/datenschutz`,
    imprintUrl: `${ctx.publicUrl}/impressum`,
  };
}

export function greetingOf(lang: Lang, name?: string): string {
  const n = name?.trim();
  if (lang === 'en') return n ? `Hello ${n},` : 'Hello,';
  return n ? `Hallo ${n},` : 'Guten Tag,';
}

const words = {
  de: {
    why: 'Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben.',
    unsubscribe: 'Newsletter abbestellen',
    privacy: 'Datenschutz',
    imprint: 'Impressum',
  },
  en: {
    why: 'You receive this newsletter because you subscribed to it.',
    unsubscribe: 'Unsubscribe',
    privacy: 'Privacy',
    imprint: 'Legal notice',
  },
} as const;

export function renderForRecipient(
  cc: CompiledCampaign,
  r: { name?: string; unsubscribeUrl: string },
): { html: string; text: string; subject: string } {
  const w = words[cc.lang];
  const greeting = greetingOf(cc.lang, r.name);
  const values = { name: r.name };
  const subject = fillFields(cc.personal.subject, values);
  const u = escapeHtml(r.unsubscribeUrl);
  const footer =
    `${escapeHtml(cc.officeName)}<br>${escapeHtml(w.why)}<br>` +
    `<a href="${escapeHtml(cc.privacyUrl)}" style="color:#0b5394">${w.privacy}</a> · ` +
    `<a href="${escapeHtml(cc.imprintUrl)}" style="color:#0b5394">${w.imprint}</a>`;
  const html = fillTemplate(cc.parts, {
    lang: cc.lang,
    subject: escapeHtml(subject),
    preheader: escapeHtml(fillFields(cc.personal.preheader, values)),
    greeting: escapeHtml(greeting),
    content: fillFields(cc.personal.html, values, escapeHtml),
    footer,
    unsubscribe_url: u,
    unsubscribe_text: escapeHtml(w.unsubscribe),
  });
  const text = [
    greeting,
    '',
    fillFields(cc.personal.text, values),
    '',
    '-- ',
    cc.officeName,
    w.why,
    `${w.unsubscribe}: ${r.unsubscribeUrl}`,
    `${w.privacy}: ${cc.privacyUrl}`,
    `${w.imprint}: ${cc.imprintUrl}`,
  ].join('\n');
  return { html, text, subject };
}
