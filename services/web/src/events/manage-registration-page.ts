import { answerText, isRectifiable, type EventDoc, type RegistrationDoc } from '@qn/events';
import {
  csrfField,
  errorSummary,
  facts,
  formatDateTime,
  formPageTitle,
  html,
  notice,
  textArea,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { whenText, whereText } from './event-view';
import { rectifyWords } from './rectify-registration-words';
import { waitlistPlace } from './waitlist-words';
import { questionWords } from './question-words';
import { myRegistrationsWords } from './my-registrations-words';

export type ManageNotice = 'cancelled' | 'accepted' | 'rectified';

/** The correction form (DSGVO Art. 16), filled with what is stored unless a failed post is shown again. */
function rectifySection(ctx: PageContext, r: RegistrationDoc, action: string, form?: FormState) {
  const { t } = ctx;
  const w = rectifyWords[ctx.lang];
  const state: FormState = form ?? {
    values: {
      name: r.name,
      organisation: r.organisation ?? '',
      accessibilityNeeds: r.accessibilityNeeds ?? '',
    },
    errors: {},
  };
  const labels = { name: t('register.name'), organisation: w.organisation, accessibilityNeeds: w.needs };
  return html`<section aria-labelledby="rectify-title">
    <h2 id="rectify-title">${w.title}</h2>
    ${errorSummary(state, labels, t)}
    <p>${w.intro}</p>
    <p>${w.address}</p>
    <form class="stack" method="post" action="${action}" novalidate>
      ${csrfField(ctx)}
      ${textField(state, { name: 'name', label: labels.name, autocomplete: 'name', required: true, maxlength: 200 }, t)}
      ${textField(state, { name: 'organisation', label: labels.organisation, autocomplete: 'organization', maxlength: 200 }, t)}
      ${textArea(state, { name: 'accessibilityNeeds', label: labels.accessibilityNeeds, rows: 3, maxlength: 1000 }, t)}
      <button type="submit">${w.submit}</button>
    </form>
  </section>`;
}

/** The page behind the personal link in every registration mail: status, cancel, accept an offer. */
export function manageRegistrationPage(
  ctx: PageContext,
  opts: {
    event: EventDoc;
    registration: RegistrationDoc;
    token: string;
    timeZone: string;
    done?: ManageNotice;
    /** Place on the waiting list while waitlisted (see waitlistPosition). */
    waitlistPosition?: number | null;
    /** A rejected correction, shown again with its messages. */
    rectifyForm?: FormState;
  },
): Page {
  const { t } = ctx;
  const { event: e, registration: r } = opts;
  const base = `/veranstaltungen/anmeldung/${opts.token}`;
  const active = r.status === 'confirmed' || r.status === 'waitlisted' || r.status === 'offered';
  const status =
    e.status === 'cancelled'
      ? t('manage.eventCancelled')
      : r.status === 'offered'
        ? t('manage.status.offered', {
            date: r.offerExpiresAt ? formatDateTime(r.offerExpiresAt, ctx.lang, opts.timeZone) : '',
          })
        : r.status === 'waitlisted' && opts.waitlistPosition
          ? waitlistPlace[ctx.lang](opts.waitlistPosition)
          : t(`manage.status.${r.status}`);
  const rows: [string, string][] = [
    [t('events.when'), whenText(ctx, e, opts.timeZone)],
    [
      t('events.where'),
      whereText(ctx, e, { withLink: r.status === 'confirmed' && e.status !== 'cancelled' }),
    ],
    [t('manage.name'), r.name],
  ];
  if (r.organisation) rows.push([rectifyWords[ctx.lang].organisation, r.organisation]);
  if (r.accessibilityNeeds) rows.push([rectifyWords[ctx.lang].needs, r.accessibilityNeeds]);
  if (r.companions) rows.push([t('register.companions'), String(r.companions)]);
  // Under the label the person answered, even if the organiser reworded the question since.
  for (const a of r.answers ?? []) rows.push([a.label, answerText(a, questionWords[ctx.lang])]);
  const doneText =
    opts.done === 'rectified'
      ? rectifyWords[ctx.lang].done
      : opts.done && t(opts.done === 'cancelled' ? 'manage.cancelled' : 'manage.accepted');
  return {
    title: opts.rectifyForm ? formPageTitle(opts.rectifyForm, t('manage.title'), t) : t('manage.title'),
    section: 'events',
    body: html`<h1>${t('manage.title')}: ${e.title}</h1>
      ${doneText ? notice(doneText) : ''}
      <p><strong>${status}</strong></p>
      ${facts(rows)}
      <div class="actions">
        ${
          r.status === 'offered' && e.status !== 'cancelled'
            ? html`<form method="post" action="${base}/annehmen">
                ${csrfField(ctx)}<button type="submit">${t('manage.accept')}</button>
              </form>`
            : ''
        }
        ${
          active && e.status !== 'cancelled'
            ? html`<form method="post" action="${base}/stornieren">
                ${csrfField(ctx)}<button type="submit" class="secondary">
                  ${r.status === 'waitlisted' ? t('manage.leaveWaitlist') : t('manage.cancel')}
                </button>
              </form>`
            : ''
        }
      </div>
      ${isRectifiable(r, e) ? rectifySection(ctx, r, `${base}/berichtigen`, opts.rectifyForm) : ''}
      <p><a href="/veranstaltungen/${String(e._id)}">${t('manage.eventPage')}</a></p>
      <p>
        <a href="/veranstaltungen/meine-anmeldungen/${opts.token}">${myRegistrationsWords[ctx.lang].link}</a>
      </p>`,
  };
}
