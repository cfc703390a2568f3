import type { AccountDoc, Grant, OrganisationDoc } from '@qn/auth';
import type { Lang } from '@qn/web-ui';
import { mailSignInLink, type SignInMailDeps } from '../../session/mail-sign-in-link';
import { accountsWords } from './accounts-words';

/** An invitation's link lasts a week: people read such mails days later. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** Mails the invited person a single-use sign-in link and what they were invited to. */
export async function mailInvitation(
  deps: SignInMailDeps,
  opts: { account: AccountDoc; grant: Grant; organisation?: OrganisationDoc; lang: Lang; requestId?: string },
): Promise<void> {
  const w = accountsWords[opts.lang];
  const what =
    opts.grant.kind === 'admin'
      ? w.mail.admin
      : w.mail.member(
          opts.organisation?.name ?? opts.grant.organisationId,
          opts.grant.role === 'organiser' ? w.accounts.organiser : w.accounts.viewer,
        );
  await mailSignInLink(deps, {
    accountId: String(opts.account._id),
    email: opts.account.email,
    lang: opts.lang,
    ttlMs: INVITATION_TTL_MS,
    kind: 'invitation',
    subject: w.mail.subject,
    greeting: w.mail.greeting,
    paragraphs: [what, w.mail.how, w.mail.ignore],
    action: w.mail.action,
    requestId: opts.requestId,
  });
}
