import { ACTOR_TYPES, FIELDS_OF_ACTION, MUNICIPALITIES } from '@qn/domain';
import type { NewsletterListDoc, SegmentDoc } from '@qn/newsletter';
import {
  choiceGroup,
  csrfField,
  errorSummary,
  formPageTitle,
  html,
  notice,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { consoleNav } from '../console/console-layout';
import { CN } from './console-newsletter-pages';
import { segmentWords } from './newsletter-segment-words';

export const segmentsPath = (list: Pick<NewsletterListDoc, '_id'>) => `${CN}/listen/${list._id}/segmente`;
export const segmentPath = (s: Pick<SegmentDoc, '_id'>) => `${CN}/segmente/${s._id}`;

export function segmentsPage(
  ctx: PageContext,
  list: NewsletterListDoc,
  segments: { segment: SegmentDoc; count: number }[],
  message?: string,
): Page {
  const { t } = ctx;
  const w = segmentWords[ctx.lang];
  const title = w.segmentsOf(list.name);
  return {
    title,
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'newsletter')} ${message ? notice(message) : ''}
      <p><a href="${CN}/listen/${list._id}">${w.back}</a></p>
      <p>${w.intro}</p>
      <p><a class="button" href="${segmentsPath(list)}/neu">${w.newSegment}</a></p>
      ${
        segments.length
          ? html`<ul class="list">
              ${segments.map(
                ({ segment, count }) =>
                  html`<li>
                    <h2><a href="${segmentPath(segment)}">${segment.name}</a></h2>
                    <p class="meta">${w.matches(count)}</p>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('common.none')}</p>`
      }`,
  };
}

export function segmentFormPage(
  ctx: PageContext,
  list: NewsletterListDoc,
  form: FormState,
  opts: { segment?: SegmentDoc; count?: number; message?: string },
): Page {
  const { t } = ctx;
  const w = segmentWords[ctx.lang];
  const title = opts.segment ? w.editSegment(opts.segment.name) : w.newSegment;
  const action = opts.segment ? segmentPath(opts.segment) : `${segmentsPath(list)}/neu`;
  const labels = {
    name: w.name,
    municipalities: w.municipalities,
    actorTypes: w.actorTypes,
    fieldsOfAction: w.fieldsOfAction,
  };
  return {
    title: formPageTitle(form, title, t),
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'newsletter')} ${opts.message ? notice(opts.message) : ''}
      ${errorSummary(form, labels, t)}
      <p><a href="${segmentsPath(list)}">${w.segmentsOf(list.name)}</a></p>
      ${opts.count !== undefined ? html`<p role="status" class="notice notice--info"><strong>${w.matches(opts.count)}</strong></p>` : ''}
      <form class="stack" method="post" action="${action}" novalidate>
        ${csrfField(ctx)} ${textField(form, { name: 'name', label: w.name, required: true }, t)}
        ${choiceGroup(form, { name: 'actorTypes', label: w.actorTypes, hint: w.anyHint, compact: true, options: ACTOR_TYPES.map((a) => ({ value: a.key, label: a[ctx.lang] })) }, t)}
        ${choiceGroup(form, { name: 'fieldsOfAction', label: w.fieldsOfAction, hint: w.anyHint, compact: true, options: FIELDS_OF_ACTION.map((f) => ({ value: f.key, label: f[ctx.lang] })) }, t)}
        ${choiceGroup(form, { name: 'municipalities', label: w.municipalities, hint: w.anyHint, compact: true, options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
        <div class="actions">
          <button type="submit" name="aktion" value="zaehlen" class="secondary">${w.count}</button>
          <button type="submit" name="aktion" value="speichern">${w.save}</button>
        </div>
      </form>
      ${opts.segment ? html`<p><a href="${segmentPath(opts.segment)}/loeschen">${w.delete}</a></p>` : ''}`,
  };
}

export function deleteSegmentPage(ctx: PageContext, segment: SegmentDoc, problem?: string): Page {
  const w = segmentWords[ctx.lang];
  return {
    title: w.deleteTitle(segment.name),
    section: 'console',
    body: html`<h1>${w.deleteTitle(segment.name)}</h1>
      ${consoleNav(ctx, 'newsletter')} ${problem ? notice(problem, 'warning') : ''}
      <p>${w.deleteIntro}</p>
      <div class="actions">
        <form method="post" action="${segmentPath(segment)}/loeschen">
          ${csrfField(ctx)}<button type="submit" class="danger">${w.deleteButton}</button>
        </form>
        <a href="${segmentPath(segment)}">${w.cancel}</a>
      </div>`,
  };
}
