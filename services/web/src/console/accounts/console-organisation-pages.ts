import { ACTOR_TYPES, MUNICIPALITIES, labelOf } from '@qn/domain';
import type { OrganisationDoc } from '@qn/auth';
import {
  csrfField,
  errorSummary,
  formPageTitle,
  html,
  notice,
  selectField,
  tableRegion,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { accountsWords } from './accounts-words';

export const CONSOLE_ORGS = '/konsole/organisationen';

export type OrganisationRow = OrganisationDoc & { memberCount: number };
export type MemberRow = { accountId: string; email: string; name?: string; role: 'organiser' | 'viewer' };

function organisationFields(ctx: PageContext, form: FormState): ReturnType<typeof html> {
  const w = accountsWords[ctx.lang].orgs;
  const { t, lang } = ctx;
  return html`${textField(form, { name: 'name', label: w.name, required: true, autocomplete: 'organization', maxlength: 200 }, t)}
  ${selectField(form, { name: 'actorType', label: w.actorType, required: true, options: ACTOR_TYPES.map((o) => ({ value: o.key, label: o[lang] })) }, t)}
  ${selectField(form, { name: 'municipality', label: w.municipality, emptyLabel: w.noMunicipality, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}`;
}

function labels(ctx: PageContext) {
  const w = accountsWords[ctx.lang].orgs;
  return { name: w.name, actorType: w.actorType, municipality: w.municipality };
}

export function organisationListPage(
  ctx: PageContext,
  orgs: OrganisationRow[],
  form: FormState,
  message?: string,
): Page {
  const w = accountsWords[ctx.lang].orgs;
  const { t, lang } = ctx;
  return {
    title: formPageTitle(form, w.title, t),
    section: 'console',
    body: html`<h1>${w.title}</h1>
      ${consoleNav(ctx, 'organisations')} ${message ? notice(message) : ''}
      <p>${w.intro}</p>
      ${
        orgs.length
          ? tableRegion(
              w.title,
              html`<table>
                <caption class="visually-hidden">
                  ${w.title}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${w.name}</th>
                    <th scope="col">${w.actorType}</th>
                    <th scope="col">${w.municipality}</th>
                    <th scope="col">${w.members}</th>
                    <th scope="col">${w.state}</th>
                  </tr>
                </thead>
                <tbody>
                  ${orgs.map(
                    (o) =>
                      html`<tr>
                        <td><a href="${CONSOLE_ORGS}/${o._id}">${o.name}</a></td>
                        <td>${labelOf(ACTOR_TYPES, o.actorType, lang)}</td>
                        <td>${MUNICIPALITIES.find((m) => m.key === o.municipality)?.name ?? ''}</td>
                        <td>${o.memberCount}</td>
                        <td>${o.disabledAt ? w.disabled : w.active}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
          : html`<p>${t('common.none')}</p>`
      }
      <h2 id="neu">${w.new}</h2>
      ${errorSummary(form, labels(ctx), t)}
      <form class="stack" method="post" action="${CONSOLE_ORGS}" novalidate>
        ${csrfField(ctx)} ${organisationFields(ctx, form)}
        <button type="submit">${w.create}</button>
      </form>`,
  };
}

export function organisationPage(
  ctx: PageContext,
  org: OrganisationDoc,
  members: MemberRow[],
  form: FormState,
  message?: string,
): Page {
  const w = accountsWords[ctx.lang].orgs;
  const aw = accountsWords[ctx.lang].accounts;
  const { t } = ctx;
  const base = `${CONSOLE_ORGS}/${org._id}`;
  return {
    title: formPageTitle(form, w.editTitle(org.name), t),
    section: 'console',
    body: html`<h1>${w.editTitle(org.name)}</h1>
      ${consoleNav(ctx, 'organisations')} ${message ? notice(message) : ''}
      <p><a href="${CONSOLE_ORGS}">${t('common.back')}</a></p>
      <p>${w.idHint(org._id)} · ${org.disabledAt ? w.disabled : w.active}</p>
      ${errorSummary(form, labels(ctx), t)}
      <form class="stack" method="post" action="${base}" novalidate>
        ${csrfField(ctx)} ${organisationFields(ctx, form)}
        <button type="submit">${w.save}</button>
      </form>
      <h2>${w.members}</h2>
      ${
        members.length
          ? html`<ul>
              ${members.map(
                (m) =>
                  html`<li>
                    <a href="/konsole/konten/${m.accountId}">${m.name ? `${m.name} – ` : ''}${m.email}</a>
                    (${m.role === 'organiser' ? aw.organiser : aw.viewer})
                  </li>`,
              )}
            </ul>`
          : html`<p>${w.noMembers}</p>`
      }
      ${
        org.disabledAt
          ? ''
          : html`<p><a href="/konsole/konten?organisation=${org._id}#einladen">${w.inviteHere}</a></p>`
      }
      <div class="actions">
        ${
          org.disabledAt
            ? html`<form method="post" action="${base}/aktivieren">
                ${csrfField(ctx)}<button type="submit" class="secondary">${w.reactivate}</button>
              </form>`
            : html`<a href="${base}/deaktivieren">${w.deactivate}</a>`
        }
      </div>`,
  };
}

export function deactivateOrganisationPage(ctx: PageContext, org: OrganisationDoc): Page {
  const w = accountsWords[ctx.lang].orgs;
  const base = `${CONSOLE_ORGS}/${org._id}`;
  return {
    title: w.deactivate,
    section: 'console',
    body: html`<h1>${w.deactivate}</h1>
      ${consoleNav(ctx, 'organisations')}
      <p>${w.deactivateConfirm(org.name)}</p>
      <div class="actions">
        <form method="post" action="${base}/deaktivieren">
          ${csrfField(ctx)}<button type="submit" class="danger">${w.deactivate}</button>
        </form>
        <a href="${base}">${ctx.t('common.back')}</a>
      </div>`,
  };
}
