import mongoose from 'mongoose';
import type { Config } from '@qn/config';
import { Account } from '@qn/auth';
import { normaliseEmail } from '@qn/domain';
import { renderMail } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { t, type Lang } from '@qn/web-ui';
import { SignInToken } from './models/sign-in-token';
import { SIGN_IN_TTL_MS, newSignInToken, sha256 } from './sign-in-link';

export type RequestSignInDeps = { config: Config; producer: Producer };

/**
 * Mails a sign-in link if the address belongs to an enabled account. The caller shows the
 * same answer either way, so the page never tells whether an address has an account.
 */
export async function requestSignIn(
  deps: RequestSignInDeps,
  opts: { email: string; lang: Lang; requestId?: string },
): Promise<void> {
  const email = normaliseEmail(opts.email);
  const { config } = deps;
  const account = await Account.findOne({ email }).lean();
  if (!account || account.disabledAt) return;

  await SignInToken.deleteMany({ expiresAt: mongoose.trusted({ $lt: new Date() }) });
  const { id, secret, token } = newSignInToken();
  await SignInToken.create({
    _id: id,
    secretHash: sha256(secret),
    accountId: String(account._id),
    expiresAt: new Date(Date.now() + SIGN_IN_TTL_MS),
  });
  const lang = opts.lang;
  const url = `${config.PUBLIC_URL}/anmelden/link?token=${encodeURIComponent(token)}${lang === 'en' ? '&lang=en' : ''}`;
  const body = renderMail({
    lang,
    greeting: t(lang, 'signIn.mail.greeting'),
    blocks: [
      { type: 'p', text: t(lang, 'signIn.mail.text') },
      { type: 'action', label: t(lang, 'signIn.mail.action'), url },
    ],
    footer: {
      officeName: config.OFFICE_NAME,
      privacyUrl: `${config.PUBLIC_URL}/datenschutz`,
      imprintUrl: `${config.PUBLIC_URL}/impressum`,
    },
  });
  await deps.producer.enqueue(
    'mail.send',
    {
      ledgerKey: `sign-in:${id}`,
      kind: 'sign-in',
      to: email,
      subject: t(lang, 'signIn.mail.subject'),
      ...body,
    },
    { requestId: opts.requestId },
  );
}
