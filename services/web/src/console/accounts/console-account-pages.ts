import type { AccountDoc, Membership, OrganisationDoc } from '@qn/auth';
import {
  choiceGroup,
  csrfField,
  errorSummary,
  formatDateTime,
  formPageTitle,
  html,
  notice,
  selectField,
  tableRegion,
  textField,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { accountsWords } from './accounts-words';

export const CONSOLE_ACCOUNTS = '/konsole/konten';

export type AccountRow = AccountDoc & { memberships: Membership[] };

function words(ctx: PageContext) {
  return accountsWords[ctx.lang].accounts;
}

function stateOf(ctx: PageContext, a: AccountDoc): string {
  const w = words(ctx);
  if (a.disabledAt) return w.stateDisabled;
  return a.lastSignInAt ? w.stateActive : w.stateInvited;
}

function roleWord(ctx: PageContext, role: Membership['role']): string {
  return role === 'organiser' ? words(ctx).organiser : words(ctx).viewer;
}

function accessOf(ctx: PageContext, a: AccountRow, orgName: (id: string) => string): SafeHtml {
  if (a.role === 'admin') return html`${words(ctx).admin}`;
  if (!a.memberships.length) return html`${words(ctx).noMemberships}`;
  return html`${a.memberships.map((m, i) => html`${i ? '; ' : ''}${orgName(m.organisationId)} (${roleWord(ctx, m.role)})`)}`;
}

function organisationOptions(orgs: OrganisationDoc[]) {
  return orgs.filter((o) => !o.disabledAt).map((o) => ({ value: o._id, label: o.name }));
}

export function accountListPage(
  ctx: PageContext,
  accounts: AccountRow[],
  orgs: OrganisationDoc[],
  form: FormState,
  message?: string,
): Page {
  const w = words(ctx);
  const { t } = ctx;
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const orgName = (id: string) => names.get(id) ?? id;
  return {
    title: formPageTitle(form, w.title, t),
    section: 'console',
    body: html`<h1>${w.title}</h1>
      ${consoleNav(ctx, 'accounts')} ${message ? notice(message) : ''}
      <p>${w.intro}</p>
      ${tableRegion(
        w.title,
        html`<table>
          <caption class="visually-hidden">
            ${w.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">${w.email}</th>
              <th scope="col">${w.name}</th>
              <th scope="col">${w.access}</th>
              <th scope="col">${w.state}</th>
            </tr>
          </thead>
          <tbody>
            ${accounts.map(
              (a) =>
                html`<tr>
                  <td><a href="${CONSOLE_ACCOUNTS}/${String(a._id)}">${a.email}</a></td>
                  <td>${a.name ?? ''}</td>
                  <td>${accessOf(ctx, a, orgName)}</td>
                  <td>${stateOf(ctx, a)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      <h2 id="einladen">${w.invite}</h2>
      <p>${w.inviteHint}</p>
      ${errorSummary(form, { email: w.email, name: w.name, access: w.access, organisationId: w.organisation }, t)}
      <form class="stack" method="post" action="${CONSOLE_ACCOUNTS}" novalidate>
        ${csrfField(ctx)}
        ${textField(form, { name: 'email', label: w.email, type: 'email', required: true, autocomplete: 'off' }, t)}
        ${textField(form, { name: 'name', label: w.name, autocomplete: 'off', maxlength: 200 }, t)}
        ${choiceGroup(
          form,
          {
            name: 'access',
            label: w.access,
            type: 'radio',
            required: true,
            hint: w.roleHint,
            options: [
              { value: 'organiser', label: w.organiser },
              { value: 'viewer', label: w.viewer },
              { value: 'admin', label: w.admin },
            ],
          },
          t,
        )}
        ${selectField(
          form,
          {
            name: 'organisationId',
            label: w.organisation,
            emptyLabel: w.chooseOrganisation,
            options: organisationOptions(orgs),
          },
          t,
        )}
        <button type="submit">${w.inviteSubmit}</button>
      </form>`,
  };
}

export function accountPage(
  ctx: PageContext,
  a: AccountRow,
  orgs: OrganisationDoc[],
  opts: { self: boolean; form: FormState; message?: string; warning?: string; timeZone: string },
): Page {
  const w = words(ctx);
  const { t } = ctx;
  const base = `${CONSOLE_ACCOUNTS}/${String(a._id)}`;
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const post = (action: string, label: string, fields: SafeHtml | string = '', cls = 'secondary') =>
    html`<form method="post" action="${base}/${action}">
      ${csrfField(ctx)}${fields}<button type="submit" class="${cls}">${label}</button>
    </form>`;
  const title = `${a.email}${opts.self ? ` ${w.you}` : ''}`;
  return {
    title: formPageTitle(opts.form, title, t),
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'accounts')} ${opts.message ? notice(opts.message) : ''}
      ${opts.warning ? notice(opts.warning, 'warning') : ''}
      <p><a href="${CONSOLE_ACCOUNTS}">${t('common.back')}</a></p>
      <dl class="facts">
        <div>
          <dt>${w.name}</dt>
          <dd>${a.name ?? ''}</dd>
        </div>
        <div>
          <dt>${w.state}</dt>
          <dd>${stateOf(ctx, a)}</dd>
        </div>
        <div>
          <dt>${w.lastSignIn}</dt>
          <dd>${a.lastSignInAt ? formatDateTime(a.lastSignInAt, ctx.lang, opts.timeZone) : w.never}</dd>
        </div>
        <div>
          <dt>${w.access}</dt>
          <dd>${a.role === 'admin' ? w.admin : w.organiser}</dd>
        </div>
      </dl>
      <h2>${w.memberships}</h2>
      ${
        a.memberships.length
          ? tableRegion(
              w.memberships,
              html`<table>
                <caption class="visually-hidden">
                  ${w.memberships}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${w.organisation}</th>
                    <th scope="col">${w.access}</th>
                    <th scope="col">${w.removeMembership}</th>
                  </tr>
                </thead>
                <tbody>
                  ${a.memberships.map((m) => {
                    const org = names.get(m.organisationId) ?? m.organisationId;
                    const other = m.role === 'organiser' ? 'viewer' : 'organiser';
                    return html`<tr>
                      <td>${org}</td>
                      <td>
                        ${roleWord(ctx, m.role)}
                        ${post(
                          'mitgliedschaften',
                          `${w.changeRole}: ${roleWord(ctx, other)}`,
                          html`<input type="hidden" name="organisationId" value="${m.organisationId}" /><input
                              type="hidden"
                              name="role"
                              value="${other}"
                            />`,
                        )}
                      </td>
                      <td>
                        ${post(
                          'mitgliedschaften',
                          `${w.removeMembership}: ${org}`,
                          html`<input type="hidden" name="organisationId" value="${m.organisationId}" /><input
                              type="hidden"
                              name="role"
                              value="none"
                            />`,
                        )}
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`,
            )
          : html`<p>${w.noMemberships}</p>`
      }
      <h3>${w.addMembership}</h3>
      ${errorSummary(opts.form, { organisationId: w.organisation, role: w.access }, t)}
      <form class="stack" method="post" action="${base}/mitgliedschaften" novalidate>
        ${csrfField(ctx)}
        ${selectField(
          opts.form,
          {
            name: 'organisationId',
            label: w.organisation,
            required: true,
            emptyLabel: w.chooseOrganisation,
            options: organisationOptions(orgs),
          },
          t,
        )}
        ${selectField(
          opts.form,
          {
            name: 'role',
            label: w.access,
            required: true,
            options: [
              { value: 'organiser', label: w.organiser },
              { value: 'viewer', label: w.viewer },
            ],
          },
          t,
        )}
        <button type="submit">${w.add}</button>
      </form>
      <h2>${w.details}</h2>
      <div class="actions">
        ${
          a.role === 'admin'
            ? post('admin', w.revokeAdmin, html`<input type="hidden" name="admin" value="0" />`)
            : post('admin', w.makeAdmin, html`<input type="hidden" name="admin" value="1" />`)
        }
        ${
          opts.self
            ? ''
            : a.disabledAt
              ? post('aktivieren', w.reactivate)
              : html`<a href="${base}/deaktivieren">${w.deactivate}</a>`
        }
        ${opts.self ? '' : html`<a href="${base}/entfernen">${w.remove}</a>`}
      </div>`,
  };
}

export function confirmAccountPage(
  ctx: PageContext,
  a: AccountDoc,
  what: 'deaktivieren' | 'entfernen',
): Page {
  const w = words(ctx);
  const base = `${CONSOLE_ACCOUNTS}/${String(a._id)}`;
  const label = what === 'entfernen' ? w.remove : w.deactivate;
  return {
    title: label,
    section: 'console',
    body: html`<h1>${label}</h1>
      ${consoleNav(ctx, 'accounts')}
      <p>${what === 'entfernen' ? w.removeConfirm(a.email) : w.deactivateConfirm(a.email)}</p>
      <div class="actions">
        <form method="post" action="${base}/${what}">
          ${csrfField(ctx)}<button type="submit" class="danger">${label}</button>
        </form>
        <a href="${base}">${ctx.t('common.back')}</a>
      </div>`,
  };
}
