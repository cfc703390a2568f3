import mongoose from 'mongoose';
import type { Config } from '@qn/config';
import { renderMail } from '@qn/mail';
import type { Producer } from '@qn/queue';
import type { Lang } from '@qn/web-ui';
import { SignInToken } from './models/sign-in-token';
import { newSignInToken, sha256 } from './sign-in-link';

export type SignInMailDeps = { config: Config; producer: Producer };

/**
 * Stores a single-use sign-in token for the account and mails its link. Both the sign-in
 * request and an invitation send one; they differ in words and lifetime only.
 */
export async function mailSignInLink(
  deps: SignInMailDeps,
  opts: {
    accountId: string;
    email: string;
    lang: Lang;
    ttlMs: number;
    kind: 'sign-in' | 'invitation';
    subject: string;
    greeting: string;
    paragraphs: string[];
    action: string;
    requestId?: string;
  },
): Promise<void> {
  const { config } = deps;
  await SignInToken.deleteMany({ expiresAt: mongoose.trusted({ $lt: new Date() }) });
  const { id, secret, token } = newSignInToken();
  await SignInToken.create({
    _id: id,
    secretHash: sha256(secret),
    accountId: opts.accountId,
    expiresAt: new Date(Date.now() + opts.ttlMs),
  });
  const url = `${config.PUBLIC_URL}/anmelden/link?token=${encodeURIComponent(token)}${opts.lang === 'en' ? '&lang=en' : ''}`;
  const body = renderMail({
    lang: opts.lang,
    greeting: opts.greeting,
    blocks: [
      ...opts.paragraphs.map((text) => ({ type: 'p' as const, text })),
      { type: 'action', label: opts.action, url },
    ],
    footer: {
      officeName: config.OFFICE_NAME,
      privacyUrl: `${config.PUBLIC_URL}/datenschutz`,
      imprintUrl: `${config.PUBLIC_URL}/impressum`,
    },
  });
  await deps.producer.enqueue(
    'mail.send',
    { ledgerKey: `${opts.kind}:${id}`, kind: opts.kind, to: opts.email, subject: opts.subject, ...body },
    { requestId: opts.requestId },
  );
}
