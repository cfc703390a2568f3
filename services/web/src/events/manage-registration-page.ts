import type { EventDoc, RegistrationDoc } from '@qn/events';
import { csrfField, facts, formatDateTime, html, notice, type Page, type PageContext } from '@qn/web-ui';
import { whenText, whereText } from './event-view';

export type ManageNotice = 'cancelled' | 'accepted';

/** The page behind the personal link in every registration mail: status, cancel, accept an offer. */
export function manageRegistrationPage(
  ctx: PageContext,
  opts: {
    event: EventDoc;
    registration: RegistrationDoc;
    token: string;
    timeZone: string;
    done?: ManageNotice;
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
        : t(`manage.status.${r.status}`);
  const rows: [string, string][] = [
    [t('events.when'), whenText(ctx, e, opts.timeZone)],
    [t('events.where'), whereText(e)],
    [t('manage.name'), r.name],
  ];
  if (r.companions) rows.push([t('register.companions'), String(r.companions)]);
  return {
    title: t('manage.title'),
    section: 'events',
    body: html`<h1>${t('manage.title')}: ${e.title}</h1>
      ${opts.done ? notice(t(opts.done === 'cancelled' ? 'manage.cancelled' : 'manage.accepted')) : ''}
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
      <p><a href="/veranstaltungen/${String(e._id)}">${t('manage.eventPage')}</a></p>`,
  };
}
