import type { Transporter } from 'nodemailer';
import type { Config } from '@qn/config';
import { createMailTransport, type DkimOptions } from '@qn/mail';

/**
 * Headers the DKIM signature covers. RFC 8058 one-click unsubscribe counts only when the
 * signature covers both List-Unsubscribe and List-Unsubscribe-Post, so they are named here
 * rather than left to the library's default list.
 */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'Feedback-ID',
].join(':');

/**
 * The newsletter's own pooled SMTP transport: more sessions than the transactional mailer
 * (campaign throughput is bounded by SMTP round trips), DKIM with the header list above.
 */
export function createNewsletterTransport(
  config: Pick<Config, 'SMTP_URL' | 'DKIM_DOMAIN' | 'DKIM_SELECTOR' | 'DKIM_PRIVATE_KEY'>,
  opts: { maxConnections?: number } = {},
): Transporter {
  const dkim: (DkimOptions & { headerFieldNames: string }) | undefined =
    config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY
      ? {
          domainName: config.DKIM_DOMAIN,
          keySelector: config.DKIM_SELECTOR,
          privateKey: config.DKIM_PRIVATE_KEY,
          headerFieldNames: DKIM_SIGNED_HEADERS,
        }
      : undefined;
  return createMailTransport(config.SMTP_URL, { dkim, maxConnections: opts.maxConnections ?? 8 });
}
