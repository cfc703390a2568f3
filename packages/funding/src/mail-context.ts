import { unsubscribeMailto, type MailContent } from '@qn/mail';
import { subscriptionToken } from './subscription-tokens';

/** What rendering a funding mail needs from the configuration. */
export type MailContext = {
  publicUrl: string;
  officeName: string;
  /** MAIL_FROM, for the mailto: unsubscribe address. */
  mailFrom: string;
  secret: string;
  timeZone: string;
};

export function footerOf(ctx: MailContext): MailContent['footer'] {
  return {
    officeName: ctx.officeName,
    privacyUrl: `${ctx.publicUrl}/datenschutz`,
    imprintUrl: `${ctx.publicUrl}/impressum`,
  };
}

export const FUNDING_PATH = '/api/funding';

export function subscriptionLinks(sub: { _id: string; tokenSalt: string }, ctx: MailContext) {
  const base = `${ctx.publicUrl}${FUNDING_PATH}`;
  return {
    confirmUrl: `${base}/subscriptions/confirm/${subscriptionToken('confirm', sub, ctx.secret)}`,
    manageUrl: `${base}/subscriptions/manage/${subscriptionToken('manage', sub, ctx.secret)}`,
    unsubscribeUrl: `${base}/unsubscribe/${subscriptionToken('unsubscribe', sub, ctx.secret)}`,
    unsubscribeToken: subscriptionToken('unsubscribe', sub, ctx.secret),
  };
}

/**
 * RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe with an HTTPS URI that accepts a
 * POST, plus List-Unsubscribe-Post). The mailto: alternative serves clients without HTTP.
 */
export function listUnsubscribeHeaders(
  links: { unsubscribeUrl: string; unsubscribeToken: string },
  ctx: MailContext,
): Record<string, string> {
  const from = /<([^>]+)>/.exec(ctx.mailFrom)?.[1] ?? ctx.mailFrom;
  return {
    'List-Unsubscribe': `<${links.unsubscribeUrl}>, <${unsubscribeMailto(from, links.unsubscribeToken)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** From the process configuration (structurally, so this package needs no @qn/config). */
export function mailContextOf(config: {
  PUBLIC_URL: string;
  OFFICE_NAME: string;
  MAIL_FROM: string;
  SECRET_KEY: string;
  TZ_DISPLAY: string;
}): MailContext {
  return {
    publicUrl: config.PUBLIC_URL,
    officeName: config.OFFICE_NAME,
    mailFrom: config.MAIL_FROM,
    secret: config.SECRET_KEY,
    timeZone: config.TZ_DISPLAY,
  };
}
