import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  buttonForm,
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  idParams,
  page,
  redirect,
  toSignIn,
} from '../../web-doc-helpers';
import { CONSOLE_ACCOUNTS } from './console-account-pages';
import { CONSOLE_ORGS } from './console-organisation-pages';
import { inviteForm, membershipForm } from './console-account-routes';
import { organisationForm } from './console-organisation-routes';

/** The admin's organisation and account pages in the OpenAPI document. */
const admins = 'Admins only (403 for everyone else).';
const orgParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const done = (path: string, values: string[]) =>
  z.object({ erledigt: z.enum(values as [string, ...string[]]).optional() }).meta({
    description: `The message after a change on ${path}`,
  });

documentRoute({
  method: 'get',
  path: CONSOLE_ORGS,
  summary: 'The organisations, and the form for a new one',
  description: `Name, type, municipality, members, state. ${admins}`,
  tags,
  auth: 'console-session',
  responses: { 200: page('The list and the form'), ...toSignIn, ...errorResponses(403) },
});

documentRoute({
  method: 'post',
  path: CONSOLE_ORGS,
  summary: 'Create an organisation',
  description: `Its id comes from the name and stays when it is renamed; a name taken is refused beside the field. Audited as \`organisation.create\`. ${admins}`,
  tags,
  auth: 'console-session',
  body: formBody(organisationForm),
  bodyContentType: FORM,
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    name: 'Seniorenrat Wendlingen',
    actorType: 'verein',
    municipality: 'wendlingen-am-neckar',
  },
  responses: {
    303: redirect(`${CONSOLE_ORGS}/{id}?erledigt=angelegt`),
    ...errorResponses(400, 401, 403, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_ORGS}/:id`,
  summary: 'An organisation: the edit form and its members',
  description: admins,
  tags,
  auth: 'console-session',
  params: orgParams,
  query: done('an organisation', ['angelegt', 'gespeichert', 'unveraendert', 'deaktiviert', 'aktiviert']),
  responses: { 200: page('The form and the members'), ...toSignIn, ...errorResponses(403, 404) },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_ORGS}/:id`,
  summary: 'Rename or re-type an organisation',
  description: `Audited as \`organisation.update\` with the changed fields. ${admins}`,
  tags,
  auth: 'console-session',
  params: orgParams,
  body: formBody(organisationForm),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, name: 'Seniorenrat Wendlingen e. V.', actorType: 'verein' },
  responses: {
    303: redirect(`${CONSOLE_ORGS}/{id}?erledigt=gespeichert`),
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_ORGS}/:id/deaktivieren`,
  summary: 'Confirm deactivating an organisation',
  description: admins,
  tags,
  auth: 'console-session',
  params: orgParams,
  responses: {
    200: page('What deactivating does, and the button'),
    ...toSignIn,
    ...errorResponses(403, 404),
  },
});

for (const [action, active] of [
  ['deaktivieren', false],
  ['aktivieren', true],
] as const)
  documentRoute({
    method: 'post',
    path: `${CONSOLE_ORGS}/:id/${action}`,
    summary: active ? 'Reactivate an organisation' : 'Deactivate an organisation',
    description: `${
      active ? '' : 'Its events stay; its members may read but no longer change anything. '
    }Idempotent. Audited as \`organisation.${active ? 'reactivate' : 'deactivate'}\`. ${admins}`,
    tags,
    auth: 'console-session',
    params: orgParams,
    body: buttonForm,
    bodyContentType: FORM,
    bodyExample: { _csrf: CSRF_EXAMPLE },
    responses: {
      303: redirect(`${CONSOLE_ORGS}/{id}?erledigt=${active ? 'aktiviert' : 'deaktiviert'}`),
      ...errorResponses(401, 403, 404, 503),
    },
  });

documentRoute({
  method: 'get',
  path: CONSOLE_ACCOUNTS,
  summary: 'The accounts, and the invitation form',
  description: `E-mail, name, access per organisation, state (active, invited, deactivated). ${admins}`,
  tags,
  auth: 'console-session',
  query: z.object({
    organisation: z
      .string()
      .max(60)
      .optional()
      .meta({ description: 'Preselects the organisation in the form' }),
    erledigt: z.literal('entfernt').optional(),
  }),
  responses: { 200: page('The list and the form'), ...toSignIn, ...errorResponses(403) },
});

documentRoute({
  method: 'post',
  path: CONSOLE_ACCOUNTS,
  summary: 'Invite a person by e-mail',
  description:
    'Mails a single-use sign-in link valid for 7 days. `access` is `admin`, or `organiser` / `viewer` of `organisationId`; ' +
    `an existing account keeps its other memberships. Audited as \`account.invite\` (ids only). ${admins}`,
  tags,
  auth: 'console-session',
  body: formBody(inviteForm),
  bodyContentType: FORM,
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    email: 'ilse@example.org',
    access: 'viewer',
    organisationId: 'stadt-nuertingen',
  },
  responses: {
    303: redirect(`${CONSOLE_ACCOUNTS}/{id}?erledigt=eingeladen`),
    ...errorResponses(400, 401, 403, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_ACCOUNTS}/:id`,
  summary: 'An account: its memberships, roles and state',
  description: admins,
  tags,
  auth: 'console-session',
  params: idParams,
  query: done('an account', ['eingeladen', 'gespeichert', 'unveraendert', 'deaktiviert', 'aktiviert']),
  responses: { 200: page('The account'), ...toSignIn, ...errorResponses(403, 404) },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_ACCOUNTS}/:id/mitgliedschaften`,
  summary: 'Set the account’s role in an organisation, or remove it (`role=none`)',
  description: `Audited as \`account.membership.set\` / \`account.membership.remove\`. ${admins}`,
  tags,
  auth: 'console-session',
  params: idParams,
  body: formBody(membershipForm),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, organisationId: 'stadt-nuertingen', role: 'organiser' },
  responses: {
    303: redirect(`${CONSOLE_ACCOUNTS}/{id}?erledigt=gespeichert`),
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_ACCOUNTS}/:id/admin`,
  summary: 'Grant (`admin=1`) or revoke (`admin=0`) the admin role',
  description: `The last active admin keeps it (409). Audited. ${admins}`,
  tags,
  auth: 'console-session',
  params: idParams,
  body: formBody(z.object({ admin: z.enum(['0', '1']) })),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, admin: '1' },
  responses: {
    303: redirect(`${CONSOLE_ACCOUNTS}/{id}?erledigt=gespeichert`),
    ...errorResponses(401, 403, 404, 409, 503),
  },
});

for (const what of ['deaktivieren', 'entfernen'] as const)
  documentRoute({
    method: 'get',
    path: `${CONSOLE_ACCOUNTS}/:id/${what}`,
    summary: what === 'entfernen' ? 'Confirm removing an account' : 'Confirm deactivating an account',
    description: admins,
    tags,
    auth: 'console-session',
    params: idParams,
    responses: { 200: page('What it does, and the button'), ...toSignIn, ...errorResponses(403, 404) },
  });

for (const [action, summary, to] of [
  [
    'deaktivieren',
    'Deactivate an account: its sessions and tokens stop at once',
    '{id}?erledigt=deaktiviert',
  ],
  ['aktivieren', 'Reactivate an account', '{id}?erledigt=aktiviert'],
  ['entfernen', 'Remove an account and its API tokens (the audit log keeps its id)', '?erledigt=entfernt'],
] as const)
  documentRoute({
    method: 'post',
    path: `${CONSOLE_ACCOUNTS}/:id/${action}`,
    summary,
    description: `Not one’s own account, never the last active admin (409). Audited. ${admins}`,
    tags,
    auth: 'console-session',
    params: idParams,
    body: buttonForm,
    bodyContentType: FORM,
    bodyExample: { _csrf: CSRF_EXAMPLE },
    responses: {
      303: redirect(`${CONSOLE_ACCOUNTS}${to.startsWith('?') ? '' : '/'}${to}`),
      ...errorResponses(401, 403, 404, 409, 503),
    },
  });
