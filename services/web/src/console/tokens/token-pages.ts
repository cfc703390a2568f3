import { z } from 'zod';
import { API_TOKEN_NAME_MAX, type ApiTokenView } from '@qn/auth';
import { textProblem } from '@qn/domain';
import {
  csrfField,
  errorSummary,
  facts,
  fieldId,
  formatDateTime,
  formPageTitle,
  html,
  notice,
  tableRegion,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { tokenWords } from './token-words';

export const TOKENS = '/konsole/zugangsschluessel';

type Listed = ApiTokenView & { email?: string };

/** The new token's name, as the form sends it; `invalid` is the message for a control character. */
export const tokenNameForm = (invalid: string) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(API_TOKEN_NAME_MAX)
      .refine((v) => !textProblem(v, 'line'), invalid),
  });

function when(ctx: PageContext, timeZone: string, d: Date | undefined, fallback = ''): string {
  return d ? formatDateTime(d, ctx.lang, timeZone) : fallback;
}

function tokenTable(
  ctx: PageContext,
  timeZone: string,
  caption: string,
  tokens: Listed[],
  withAccount: boolean,
) {
  const w = tokenWords[ctx.lang];
  return tableRegion(
    caption,
    html`<table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${w.col.name}</th>
          ${withAccount ? html`<th scope="col">${w.col.account}</th>` : ''}
          <th scope="col">${w.col.created}</th>
          <th scope="col">${w.col.lastUsed}</th>
          <th scope="col">${w.col.state}</th>
          <th scope="col">${w.col.action}</th>
        </tr>
      </thead>
      <tbody>
        ${tokens.map(
          (tk) =>
            html`<tr>
              <th scope="row">${tk.name}</th>
              ${withAccount ? html`<td>${tk.email ?? tk.accountId}</td>` : ''}
              <td>${when(ctx, timeZone, tk.createdAt)}</td>
              <td>${when(ctx, timeZone, tk.lastUsedAt, w.never)}</td>
              <td>${tk.revokedAt ? w.revokedOn(when(ctx, timeZone, tk.revokedAt)) : w.active}</td>
              <td>
                ${tk.revokedAt ? '' : html`<a href="${TOKENS}/${tk.id}/widerrufen">${w.revokeAction(tk.name)}</a>`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/**
 * The account's own tokens and the form for a new one; for admins also every other account's
 * tokens, with the owner's address so the office knows whom to ask before revoking.
 */
export function tokenListPage(
  ctx: PageContext,
  timeZone: string,
  data: { own: Listed[]; others?: Listed[]; form: FormState; message?: string },
): Page {
  const { t } = ctx;
  const w = tokenWords[ctx.lang];
  const labels = { name: w.nameLabel };
  return {
    title: formPageTitle(data.form, w.title, t),
    section: 'console',
    body: html`<h1>${w.title}</h1>
      ${consoleNav(ctx, 'tokens')} ${data.message ? notice(data.message) : ''}
      ${errorSummary(data.form, labels, t)}
      <p>${w.intro}</p>
      <h2>${w.own}</h2>
      ${data.own.length ? tokenTable(ctx, timeZone, w.own, data.own, false) : html`<p>${w.ownNone}</p>`}
      <h2>${w.create}</h2>
      <form class="stack" method="post" action="${TOKENS}" novalidate>
        ${csrfField(ctx)}
        ${textField(
          data.form,
          {
            name: 'name',
            label: w.nameLabel,
            hint: w.nameHint(API_TOKEN_NAME_MAX),
            required: true,
            maxlength: API_TOKEN_NAME_MAX,
            autocomplete: 'off',
          },
          t,
        )}
        <button type="submit">${w.submit}</button>
      </form>
      ${
        data.others
          ? html`<h2>${w.all}</h2>
              ${data.others.length ? tokenTable(ctx, timeZone, w.all, data.others, true) : html`<p>${w.allNone}</p>`}`
          : ''
      }`,
  };
}

/** The one time the token is shown: the answer to the POST itself, never a URL or a redirect. */
export function tokenCreatedPage(ctx: PageContext, made: { token: string; name: string }): Page {
  const w = tokenWords[ctx.lang];
  const id = fieldId('token');
  return {
    title: w.createdTitle,
    section: 'console',
    body: html`<h1>${w.createdTitle}</h1>
      ${consoleNav(ctx, 'tokens')}
      <div class="notice notice--warning" role="status"><p id="${id}-hint">${w.copyNow}</p></div>
      <div class="field">
        <label for="${id}">${w.tokenLabel}: ${made.name}</label>
        <input
          id="${id}"
          type="text"
          readonly
          value="${made.token}"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="${id}-hint"
        />
      </div>
      <p>${w.usage}</p>
      <p><a href="${TOKENS}">${w.back}</a></p>`,
  };
}

export function revokeConfirmPage(ctx: PageContext, timeZone: string, tk: Listed): Page {
  const w = tokenWords[ctx.lang];
  return {
    title: w.confirmTitle,
    section: 'console',
    body: html`<h1>${w.confirmTitle}</h1>
      ${consoleNav(ctx, 'tokens')}
      ${facts([
        [w.col.name, tk.name],
        ...(tk.email ? ([[w.col.account, tk.email]] as [string, string][]) : []),
        [w.col.created, when(ctx, timeZone, tk.createdAt)],
        [w.col.lastUsed, when(ctx, timeZone, tk.lastUsedAt, w.never)],
      ])}
      <p>${w.confirmText}</p>
      <form method="post" action="${TOKENS}/${tk.id}/widerrufen">
        ${csrfField(ctx)}
        <button type="submit">${w.confirmSubmit}</button>
        <a href="${TOKENS}">${w.cancel}</a>
      </form>`,
  };
}
