import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import {
  assertRole,
  createOrganisation,
  findOrganisation,
  listAccounts,
  listOrganisations,
  membershipsOf,
  principalOf,
  setOrganisationActive,
  updateOrganisation,
  type OrganisationDoc,
} from '@qn/auth';
import { ACTOR_TYPE_KEYS, AppError, isAppError, MUNICIPALITY_KEYS } from '@qn/domain';
import { emptyForm, formField, parseForm, withFieldIssues, type FormState } from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { accountsWords } from './accounts-words';
import {
  CONSOLE_ORGS,
  deactivateOrganisationPage,
  organisationListPage,
  organisationPage,
  type MemberRow,
} from './console-organisation-pages';

export const organisationForm = z.object({
  name: formField.text(200),
  actorType: formField.choice(ACTOR_TYPE_KEYS),
  municipality: formField.optionalChoice(MUNICIPALITY_KEYS),
});

const ORG_ID = /^[a-z0-9-]{1,60}$/;

/** Admins keep the network's organisations: create, rename, deactivate, see who belongs. */
export function consoleOrganisationRoutes(_deps: WebDeps): Router {
  const router = Router();

  const admin = (req: Request) => assertRole(req.principal, 'admin');
  const doneMessage = (req: Request, res: Response) => {
    const done = accountsWords[pageContext(res).lang].orgs.done;
    return done[String(req.query.erledigt) as keyof typeof done];
  };

  async function organisationOfPath(req: Request): Promise<OrganisationDoc> {
    const id = String(req.params.id);
    if (!ORG_ID.test(id)) throw AppError.notFound();
    return findOrganisation(id);
  }

  /** Accounts with a membership here; the accounts collection is the office's staff, small. */
  async function membersOf(orgId: string): Promise<MemberRow[]> {
    const accounts = await listAccounts();
    return accounts.flatMap((a) =>
      membershipsOf(principalOf(a))
        .filter((m) => m.organisationId === orgId)
        .map((m) => ({ accountId: String(a._id), email: a.email, name: a.name, role: m.role })),
    );
  }

  /** The domain's refusals beside their fields, in the page's words. */
  function domainIssues(res: Response, form: FormState, err: AppError): FormState {
    const w = accountsWords[pageContext(res).lang].orgs.errors;
    const fields = err.details.fields?.map((f) => ({
      field: f.field,
      message: f.field === 'name' ? (f.message.includes('exists') ? w.nameTaken : w.nameInvalid) : f.message,
    }));
    return withFieldIssues(form, fields, err.message);
  }

  async function showList(req: Request, res: Response, form: FormState, status = 200) {
    const [orgs, accounts] = await Promise.all([
      listOrganisations({ includeDisabled: true }),
      listAccounts(),
    ]);
    const counts = new Map<string, number>();
    for (const a of accounts)
      for (const m of membershipsOf(principalOf(a)))
        counts.set(m.organisationId, (counts.get(m.organisationId) ?? 0) + 1);
    const rows = orgs.map((o) => ({ ...o, memberCount: counts.get(o._id) ?? 0 }));
    render(res, organisationListPage(pageContext(res), rows, form, doneMessage(req, res)), status);
  }

  async function showOrganisation(
    req: Request,
    res: Response,
    org: OrganisationDoc,
    form?: FormState,
    status = 200,
  ) {
    const values =
      form ?? emptyForm({ name: org.name, actorType: org.actorType, municipality: org.municipality ?? '' });
    render(
      res,
      organisationPage(pageContext(res), org, await membersOf(org._id), values, doneMessage(req, res)),
      status,
    );
  }

  router.get(CONSOLE_ORGS, async (req, res) => {
    admin(req);
    await showList(req, res, emptyForm({ actorType: 'verein' }));
  });

  router.post(CONSOLE_ORGS, async (req, res) => {
    admin(req);
    const parsed = parseForm(organisationForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showList(req, res, parsed.form, 400);
    try {
      const org = await createOrganisation(parsed.data);
      await auditFromRequest(req, {
        action: 'organisation.create',
        objectType: 'organisation',
        objectId: org._id,
        organisationId: org._id,
      });
      res.redirect(303, `${CONSOLE_ORGS}/${org._id}?erledigt=angelegt`);
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showList(req, res, domainIssues(res, parsed.form, err), 400);
      throw err;
    }
  });

  router.get(`${CONSOLE_ORGS}/:id`, async (req, res) => {
    admin(req);
    await showOrganisation(req, res, await organisationOfPath(req));
  });

  router.post(`${CONSOLE_ORGS}/:id`, async (req, res) => {
    admin(req);
    const org = await organisationOfPath(req);
    const parsed = parseForm(organisationForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showOrganisation(req, res, org, parsed.form, 400);
    try {
      const { changed } = await updateOrganisation(org._id, parsed.data);
      if (changed.length)
        await auditFromRequest(req, {
          action: 'organisation.update',
          objectType: 'organisation',
          objectId: org._id,
          organisationId: org._id,
          fields: changed,
        });
      res.redirect(
        303,
        `${CONSOLE_ORGS}/${org._id}?erledigt=${changed.length ? 'gespeichert' : 'unveraendert'}`,
      );
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showOrganisation(req, res, org, domainIssues(res, parsed.form, err), 400);
      throw err;
    }
  });

  router.get(`${CONSOLE_ORGS}/:id/deaktivieren`, async (req, res) => {
    admin(req);
    render(res, deactivateOrganisationPage(pageContext(res), await organisationOfPath(req)));
  });

  for (const [path, active] of [
    ['deaktivieren', false],
    ['aktivieren', true],
  ] as const) {
    router.post(`${CONSOLE_ORGS}/:id/${path}`, async (req, res) => {
      admin(req);
      const org = await organisationOfPath(req);
      if (await setOrganisationActive(org._id, active))
        await auditFromRequest(req, {
          action: active ? 'organisation.reactivate' : 'organisation.deactivate',
          objectType: 'organisation',
          objectId: org._id,
          organisationId: org._id,
        });
      res.redirect(303, `${CONSOLE_ORGS}/${org._id}?erledigt=${active ? 'aktiviert' : 'deaktiviert'}`);
    });
  }

  return router;
}
