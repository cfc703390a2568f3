import { Account } from '@qn/auth';
import { normaliseEmail } from '@qn/domain';
import { t, type Lang } from '@qn/web-ui';
import { SIGN_IN_TTL_MS } from './sign-in-link';
import { mailSignInLink, type SignInMailDeps } from './mail-sign-in-link';

export type RequestSignInDeps = SignInMailDeps;

/**
 * Mails a sign-in link if the address belongs to an enabled account. The caller shows the
 * same answer either way, so the page never tells whether an address has an account.
 */
export async function requestSignIn(
  deps: RequestSignInDeps,
  opts: { email: string; lang: Lang; requestId?: string },
): Promise<void> {
  const email = normaliseEmail(opts.email);
  const account = await Account.findOne({ email }).lean();
  if (!account || account.disabledAt) return;
  const lang = opts.lang;
  await mailSignInLink(deps, {
    accountId: String(account._id),
    email,
    lang,
    ttlMs: SIGN_IN_TTL_MS,
    kind: 'sign-in',
    subject: t(lang, 'signIn.mail.subject'),
    greeting: t(lang, 'signIn.mail.greeting'),
    paragraphs: [t(lang, 'signIn.mail.text')],
    action: t(lang, 'signIn.mail.action'),
    requestId: opts.requestId,
  });
}
