import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import {
  assertRole,
  findAccount,
  inviteAccount,
  listAccounts,
  listOrganisations,
  membershipsOf,
  principalOf,
  removeAccount,
  setAccountActive,
  setAdmin,
  setMembership,
  type AccountDeps,
  type AccountDoc,
  type Grant,
} from '@qn/auth';
import { AppError, isAppError } from '@qn/domain';
import { emptyForm, formField, parseForm, withFieldIssues, type FormState } from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { accountsWords } from './accounts-words';
import { mailInvitation } from './mail-invitation';
import {
  CONSOLE_ACCOUNTS,
  accountListPage,
  accountPage,
  confirmAccountPage,
  type AccountRow,
} from './console-account-pages';

export const inviteForm = z.object({
  email: formField.email(),
  name: formField.optionalText(200),
  access: formField.choice(['organiser', 'viewer', 'admin'] as const),
  organisationId: formField.optionalText(60),
});

export const membershipForm = z.object({
  organisationId: formField.text(60),
  role: formField.choice(['organiser', 'viewer', 'none'] as const),
});

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Admins invite people by e-mail (a magic link), give them roles per organisation or the
 * admin role, deactivate and remove accounts. Every change is audited by account id only.
 */
export function consoleAccountRoutes(deps: WebDeps): Router {
  const router = Router();
  const accountDeps: AccountDeps = { redis: deps.redis, keyPrefix: deps.config.QUEUE_PREFIX };

  const admin = (req: Request) => assertRole(req.principal, 'admin');
  const rowOf = (a: AccountDoc): AccountRow => ({ ...a, memberships: membershipsOf(principalOf(a)) });
  const words = (res: Response) => accountsWords[pageContext(res).lang].accounts;

  async function accountOfPath(req: Request): Promise<AccountDoc> {
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    return findAccount(id);
  }

  const audit = (
    req: Request,
    action: string,
    accountId: string,
    organisationId?: string,
    fields?: string[],
  ) => auditFromRequest(req, { action, objectType: 'account', objectId: accountId, organisationId, fields });

  async function showList(req: Request, res: Response, form: FormState, status = 200) {
    const [accounts, orgs] = await Promise.all([
      listAccounts(),
      listOrganisations({ includeDisabled: true }),
    ]);
    const done = words(res).done;
    const message = done[String(req.query.erledigt) as keyof typeof done];
    render(res, accountListPage(pageContext(res), accounts.map(rowOf), orgs, form, message), status);
  }

  async function showAccount(
    req: Request,
    res: Response,
    account: AccountDoc,
    opts: { form?: FormState; warning?: string; status?: number } = {},
  ) {
    const orgs = await listOrganisations({ includeDisabled: true });
    const done = words(res).done;
    render(
      res,
      accountPage(pageContext(res), rowOf(account), orgs, {
        self: String(account._id) === req.principal?.accountId,
        form: opts.form ?? emptyForm({ role: 'organiser' }),
        message: done[String(req.query.erledigt) as keyof typeof done],
        warning: opts.warning,
        timeZone: deps.config.TZ_DISPLAY,
      }),
      opts.status ?? 200,
    );
  }

  /** A refusal (the last admin, one's own account) shown on the account's page. */
  async function refused(req: Request, res: Response, account: AccountDoc, err: unknown) {
    if (!isAppError(err) || err.code !== 'conflict') throw err;
    const w = words(res).errors;
    const warning = /eigene/.test(err.message)
      ? w.self
      : /letzte/.test(err.message)
        ? w.lastAdmin
        : err.message;
    await showAccount(req, res, account, { warning, status: 409 });
  }

  router.get(CONSOLE_ACCOUNTS, async (req, res) => {
    admin(req);
    const org = typeof req.query.organisation === 'string' ? req.query.organisation.slice(0, 60) : '';
    await showList(req, res, emptyForm({ access: 'organiser', organisationId: org }));
  });

  router.post(CONSOLE_ACCOUNTS, async (req, res) => {
    admin(req);
    const ctx = pageContext(res);
    const parsed = parseForm(inviteForm, req.body, ctx.t);
    if (!parsed.ok) return showList(req, res, parsed.form, 400);
    const { email, name, access, organisationId } = parsed.data;
    if (access !== 'admin' && !organisationId)
      return showList(
        req,
        res,
        withFieldIssues(
          parsed.form,
          [{ field: 'organisationId', message: words(res).errors.organisationRequired }],
          '',
        ),
        400,
      );
    const grant: Grant =
      access === 'admin'
        ? { kind: 'admin' }
        : { kind: 'member', organisationId: organisationId!, role: access };
    try {
      const { account, created } = await inviteAccount(accountDeps, { email, name, grant });
      const orgs = await listOrganisations({ includeDisabled: true });
      await mailInvitation(deps, {
        account,
        grant,
        organisation: grant.kind === 'member' ? orgs.find((o) => o._id === grant.organisationId) : undefined,
        lang: ctx.lang,
        requestId: String(req.id),
      });
      await audit(
        req,
        created ? 'account.invite' : 'account.invite-existing',
        String(account._id),
        grant.kind === 'member' ? grant.organisationId : undefined,
        [access],
      );
      res.redirect(303, `${CONSOLE_ACCOUNTS}/${String(account._id)}?erledigt=eingeladen`);
    } catch (err) {
      if (isAppError(err) && err.code === 'validation') {
        const w = words(res).errors;
        const fields = err.details.fields?.map((f) => ({
          field: f.field,
          message:
            f.field === 'organisationId'
              ? w.organisationRequired
              : f.field === 'name'
                ? w.nameInvalid
                : ctx.t('validation.email'),
        }));
        return showList(req, res, withFieldIssues(parsed.form, fields, err.message), 400);
      }
      throw err;
    }
  });

  router.get(`${CONSOLE_ACCOUNTS}/:id`, async (req, res) => {
    admin(req);
    await showAccount(req, res, await accountOfPath(req));
  });

  router.post(`${CONSOLE_ACCOUNTS}/:id/mitgliedschaften`, async (req, res) => {
    admin(req);
    const account = await accountOfPath(req);
    const parsed = parseForm(membershipForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showAccount(req, res, account, { form: parsed.form, status: 400 });
    const { organisationId, role } = parsed.data;
    try {
      const changed = await setMembership(accountDeps, {
        accountId: String(account._id),
        organisationId,
        role: role === 'none' ? null : role,
      });
      if (changed)
        await audit(
          req,
          role === 'none' ? 'account.membership.remove' : 'account.membership.set',
          String(account._id),
          organisationId,
          role === 'none' ? undefined : [role],
        );
      res.redirect(
        303,
        `${CONSOLE_ACCOUNTS}/${String(account._id)}?erledigt=${changed ? 'gespeichert' : 'unveraendert'}`,
      );
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showAccount(req, res, account, {
          form: withFieldIssues(
            parsed.form,
            [{ field: 'organisationId', message: words(res).errors.organisationRequired }],
            '',
          ),
          status: 400,
        });
      throw err;
    }
  });

  router.post(`${CONSOLE_ACCOUNTS}/:id/admin`, async (req, res) => {
    admin(req);
    const account = await accountOfPath(req);
    const makeAdmin = req.body?.admin === '1';
    try {
      if (await setAdmin(accountDeps, { accountId: String(account._id), admin: makeAdmin }))
        await audit(req, makeAdmin ? 'account.admin.grant' : 'account.admin.revoke', String(account._id));
      res.redirect(303, `${CONSOLE_ACCOUNTS}/${String(account._id)}?erledigt=gespeichert`);
    } catch (err) {
      await refused(req, res, account, err);
    }
  });

  for (const what of ['deaktivieren', 'entfernen'] as const) {
    router.get(`${CONSOLE_ACCOUNTS}/:id/${what}`, async (req, res) => {
      admin(req);
      render(res, confirmAccountPage(pageContext(res), await accountOfPath(req), what));
    });
  }

  for (const [path, active] of [
    ['deaktivieren', false],
    ['aktivieren', true],
  ] as const) {
    router.post(`${CONSOLE_ACCOUNTS}/:id/${path}`, async (req, res) => {
      const p = admin(req);
      const account = await accountOfPath(req);
      try {
        if (
          await setAccountActive(accountDeps, {
            accountId: String(account._id),
            active,
            byAccountId: p.accountId,
          })
        )
          await audit(req, active ? 'account.reactivate' : 'account.deactivate', String(account._id));
        res.redirect(
          303,
          `${CONSOLE_ACCOUNTS}/${String(account._id)}?erledigt=${active ? 'aktiviert' : 'deaktiviert'}`,
        );
      } catch (err) {
        await refused(req, res, account, err);
      }
    });
  }

  router.post(`${CONSOLE_ACCOUNTS}/:id/entfernen`, async (req, res) => {
    const p = admin(req);
    const account = await accountOfPath(req);
    try {
      await removeAccount(accountDeps, { accountId: String(account._id), byAccountId: p.accountId });
      await audit(req, 'account.remove', String(account._id));
      res.redirect(303, `${CONSOLE_ACCOUNTS}?erledigt=entfernt`);
    } catch (err) {
      await refused(req, res, account, err);
    }
  });

  return router;
}
