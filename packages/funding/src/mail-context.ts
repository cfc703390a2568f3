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
/** The web front end's pages for a subscription (services/web), German with an English switch. */
export const ALERT_PAGES_PATH = '/foerderprogramme/benachrichtigungen';

/**
 * The links a funding mail carries. People land on the web's pages (confirm, manage,
 * unsubscribe: each a page with a button, so a mail scanner following links changes nothing);
 * the List-Unsubscribe header names the API's one-click endpoint, which takes the RFC 8058 POST
 * without cookies or a form token.
 */
export function subscriptionLinks(sub: { _id: string; tokenSalt: string }, ctx: MailContext) {
  const pages = `${ctx.publicUrl}${ALERT_PAGES_PATH}`;
  const unsubscribeToken = subscriptionToken('unsubscribe', sub, ctx.secret);
  return {
    confirmUrl: `${pages}/bestaetigen/${subscriptionToken('confirm', sub, ctx.secret)}`,
    manageUrl: `${pages}/verwalten/${subscriptionToken('manage', sub, ctx.secret)}`,
    unsubscribeUrl: `${pages}/abmelden/${unsubscribeToken}`,
    oneClickUrl: `${ctx.publicUrl}${FUNDING_PATH}/unsubscribe/${unsubscribeToken}`,
    unsubscribeToken,
  };
}

/**
 * RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe with an HTTPS URI that accepts a
 * POST, plus List-Unsubscribe-Post). The mailto: alternative serves clients without HTTP.
 */
export function listUnsubscribeHeaders(
  links: { oneClickUrl: string; unsubscribeToken: string },
  ctx: MailContext,
): Record<string, string> {
  const from = /<([^>]+)>/.exec(ctx.mailFrom)?.[1] ?? ctx.mailFrom;
  return {
    'List-Unsubscribe': `<${links.oneClickUrl}>, <${unsubscribeMailto(from, links.unsubscribeToken)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    // RFC 2919: one list, so mail clients can filter alerts and offer their own unsubscribe.
    'List-Id': `Foerderprogramm-Hinweise <funding-alerts.${from.split('@')[1] ?? 'localhost'}>`,
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
