import { municipalityName } from '@qn/domain';
import {
  assertRegistrable,
  CONSENT_TEXT,
  type EventDoc,
  type EventMediaInfoDoc,
  type EventMediaKind,
} from '@qn/events';
import { mediaWords } from './event-media-words';
import { isAppError } from '@qn/domain';
import { eventEntry, defaultFeedSettings } from '@qn/calendar';
import {
  checkboxField,
  csrfField,
  errorSummary,
  facts,
  formatDateTime,
  formPageTitle,
  html,
  selectField,
  textArea,
  textField,
  type FormState,
  type Page,
  type PageContext,
  type SafeHtml,
} from '@qn/web-ui';
import { eventCalendarLinks } from '../components/calendar-links';
import { fieldsLabel, kindLabel, meetingLinkNote, seatsBadge, whenText, whereText } from './event-view';
import { answerLabels, questionFields } from './question-fields';
import { seriesWords } from '../console/events/console-series-words';

export type EventDetail = {
  event: EventDoc;
  seatsLeft: number;
  organisationName?: string;
  /** A series date's series and its next dates (nextSeriesDates). */
  series?: { title: string; dates: { id: string; startsAt: Date; endsAt: Date }[] };
  media?: Partial<Record<EventMediaKind, EventMediaInfoDoc>>;
};

function registrationForm(ctx: PageContext, d: EventDetail, form: FormState): SafeHtml {
  const { t } = ctx;
  const e = d.event;
  const full = d.seatsLeft <= 0;
  const labels = {
    name: t('register.name'),
    email: t('register.email'),
    organisation: t('register.organisation'),
    accessibilityNeeds: t('register.accessibilityNeeds'),
    companions: t('register.companions'),
    consent: t('register.consent'),
    ...answerLabels(e.questions),
  };
  return html`<section aria-labelledby="register-title">
    <h2 id="register-title">${t('register.title')}</h2>
    ${errorSummary(form, labels, t)}
    <form class="stack" method="post" action="/veranstaltungen/${String(e._id)}/anmeldung" novalidate>
      ${csrfField(ctx)}
      ${textField(form, { name: 'name', label: labels.name, autocomplete: 'name', required: true }, t)}
      ${textField(form, { name: 'email', label: labels.email, type: 'email', autocomplete: 'email', required: true }, t)}
      ${textField(form, { name: 'organisation', label: labels.organisation, autocomplete: 'organization' }, t)}
      ${textArea(form, { name: 'accessibilityNeeds', label: labels.accessibilityNeeds, hint: t('register.accessibilityHint'), rows: 3 }, t)}
      ${
        e.maxCompanions > 0
          ? selectField(
              form,
              {
                name: 'companions',
                label: labels.companions,
                hint: t('register.companionsHint', { max: e.maxCompanions }),
                options: Array.from({ length: e.maxCompanions + 1 }, (_, i) => ({
                  value: String(i),
                  label: String(i),
                })),
              },
              t,
            )
          : ''
      }
      ${questionFields(ctx, form, e.questions, { markRequired: true })}
      ${checkboxField(form, { name: 'consent', label: CONSENT_TEXT[ctx.lang], required: true }, t)}
      <button type="submit">${full ? t('register.submitWaitlist') : t('register.submit')}</button>
    </form>
  </section>`;
}

/** Why registration is not possible now, in the domain's own words, or nothing when it is. */
function closedReason(e: EventDoc, now: Date): string | undefined {
  try {
    assertRegistrable(e, now);
    return undefined;
  } catch (err) {
    if (isAppError(err)) return err.message;
    throw err;
  }
}

/** "Dieser Termin gehört zur Reihe …" with links to the series' next dates. */
function seriesNote(ctx: PageContext, d: EventDetail, timeZone: string): SafeHtml {
  if (!d.series) return html``;
  const w = seriesWords[ctx.lang];
  return html`<section aria-labelledby="series-title" class="series-note">
    <h2 id="series-title">${w.publicNote} „${d.series.title}“</h2>
    ${
      d.series.dates.length
        ? html`<p>${w.moreDates}</p>
            <ul>
              ${d.series.dates.map((x) => html`<li><a href="/veranstaltungen/${x.id}">${whenText(ctx, x, timeZone)}</a></li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

export function eventDetailPage(
  ctx: PageContext,
  d: EventDetail,
  form: FormState,
  opts: { timeZone: string; publicUrl: string; now?: Date },
): Page {
  const { t } = ctx;
  const e = d.event;
  const id = String(e._id);
  const closed = closedReason(e, opts.now ?? new Date());
  const full = d.seatsLeft <= 0 && !e.waitlistEnabled;
  const rows: [string, SafeHtml | string][] = [
    [t('events.when'), whenText(ctx, e, opts.timeZone)],
    [t('events.where'), whereText(ctx, e)],
    [t('events.kind'), kindLabel(ctx, e)],
    [t('events.field'), fieldsLabel(ctx, e)],
    [t('events.municipality'), municipalityName(e.municipality)],
  ];
  if (e.onlineUrl) rows.push([t('events.onlineJoin'), meetingLinkNote[ctx.lang]]);
  if (d.organisationName) rows.push([t('events.organiser'), d.organisationName]);
  if (e.audience) rows.push([t('events.audience'), e.audience]);
  if (e.accessibility) rows.push([t('events.accessibility'), e.accessibility]);
  rows.push([
    t('events.seats'),
    seatsBadge(ctx, { status: e.status, seatsLeft: d.seatsLeft, waitlistEnabled: e.waitlistEnabled }),
  ]);
  if (e.registrationOpensAt || e.registrationClosesAt)
    rows.push([
      t('events.registrationWindow'),
      [
        e.registrationOpensAt
          ? t('events.opensAt', { date: formatDateTime(e.registrationOpensAt, ctx.lang, opts.timeZone) })
          : '',
        e.registrationClosesAt
          ? t('events.closesAt', { date: formatDateTime(e.registrationClosesAt, ctx.lang, opts.timeZone) })
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    ]);
  rows.push([
    t('events.contact'),
    html`${e.contact.name},
      <a href="mailto:${e.contact.email}">${e.contact.email}</a
      >${e.contact.phone ? `, ${e.contact.phone}` : ''}`,
  ]);
  const entry = eventEntry(e, d.organisationName, defaultFeedSettings(opts.publicUrl, opts.timeZone));
  return {
    title: formPageTitle(form, e.title, t),
    section: 'events',
    body: html`<p><a href="/veranstaltungen">${t('events.title')}</a></p>
      <h1>${e.status === 'cancelled' ? `${t('events.cancelled')}: ` : ''}${e.title}</h1>
      ${
        d.media?.image
          ? html`<img
              src="/veranstaltungen/${id}/bild?v=${d.media.image.sha256.slice(0, 8)}"
              alt="${d.media.image.text}"
              class="event-image"
            />`
          : ''
      }
      ${facts(rows)}
      <div class="description">${e.description.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>
      ${seriesNote(ctx, d, opts.timeZone)}
      ${
        d.media?.flyer
          ? html`<p>
              <a href="/veranstaltungen/${id}/flyer.pdf" type="application/pdf"
                >${mediaWords[ctx.lang].flyerLink(d.media.flyer.text, String(Math.max(1, Math.round(d.media.flyer.size / 1024))))}</a
              >
            </p>`
          : ''
      }
      ${e.status === 'published' ? eventCalendarLinks(ctx, `/feeds/events/${id}.ics`, entry, opts.timeZone) : ''}
      ${
        closed || full
          ? html`<h2>${t('register.title')}</h2>
              <p>${closed ?? t('events.full')}</p>`
          : registrationForm(ctx, d, form)
      }`,
  };
}
