import {
  QUESTION_ID,
  QUESTION_LABEL_MAX,
  QUESTION_TYPES,
  QUESTIONS_MAX,
  type EventDoc,
  type EventQuestion,
  type QuestionInput,
  type QuestionType,
} from '@qn/events';
import type { FieldIssue } from '@qn/domain';
import {
  checkboxField,
  csrfField,
  errorSummary,
  formPageTitle,
  html,
  notice,
  selectField,
  textArea,
  textField,
  type FormState,
  type FormValue,
  type Page,
  type PageContext,
  type Translate,
} from '@qn/web-ui';
import { consoleNav } from '../console-layout';
import { CONSOLE_EVENTS } from './console-event-pages';
import { questionPageWords } from './console-event-questions-words';

/**
 * The question page is a fixed grid of 10 rows (no JavaScript to add rows): filled rows are
 * the event's questions, blank ones are free. Row fields are `q<row>_<part>`.
 */
const field = (row: number, part: string) => `q${row}_${part}`;

export function formValuesOfQuestions(questions: EventQuestion[] | undefined): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (let row = 0; row < QUESTIONS_MAX; row++) {
    const q = questions?.[row];
    values[field(row, 'position')] = String(row + 1);
    if (!q) continue;
    values[field(row, 'id')] = q.id;
    values[field(row, 'label')] = q.label;
    values[field(row, 'type')] = q.type;
    values[field(row, 'options')] = (q.options ?? []).join('\n');
    if (q.required) values[field(row, 'required')] = 'on';
  }
  return values;
}

/**
 * The filled rows as the domain takes them, in the order given (then by row), and for each
 * question its row, so that the domain's `questions.<index>.<part>` errors find their field.
 */
export function questionsOfForm(body: unknown): { questions: QuestionInput[]; rows: number[] } {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  const filled: { row: number; position: number; q: QuestionInput }[] = [];
  for (let row = 0; row < QUESTIONS_MAX; row++) {
    const label = str(field(row, 'label'));
    if (!label.trim()) continue;
    const type = str(field(row, 'type'));
    const id = str(field(row, 'id'));
    const position = Number.parseInt(str(field(row, 'position')), 10);
    const options = str(field(row, 'options'))
      .split(/\r?\n/)
      .map((o) => o.trim())
      .filter(Boolean);
    filled.push({
      row,
      position: Number.isFinite(position) ? position : row + 1,
      q: {
        id: QUESTION_ID.test(id) ? id : undefined,
        label,
        type: (QUESTION_TYPES as string[]).includes(type) ? (type as QuestionType) : 'text',
        required: ['on', '1', 'true'].includes(str(field(row, 'required'))),
        options: type === 'choice' ? options : options.length ? options : undefined,
      },
    });
  }
  filled.sort((a, b) => a.position - b.position || a.row - b.row);
  return { questions: filled.map((f) => f.q), rows: filled.map((f) => f.row) };
}

/** The domain's errors beside the row's fields, in the page's language. */
export function questionIssuesToForm(
  fields: FieldIssue[] | undefined,
  rows: number[],
  lang: 'de' | 'en',
  t: Translate,
): FieldIssue[] {
  const w = questionPageWords[lang];
  return (fields ?? []).flatMap((f) => {
    const m = /^questions\.(\d+)\.(\w+)$/.exec(f.field);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row === undefined) return [{ field: '_form', message: t('validation.invalid') }];
    const part = m![2] === 'options' ? 'options' : 'label';
    const message =
      m![2] === 'options'
        ? f.message === 'options must differ'
          ? w.optionsDiffer
          : f.message.startsWith('only choice')
            ? w.noOptions
            : w.optionsCount
        : f.message.startsWith('at most')
          ? t('validation.tooLong', { max: String(QUESTION_LABEL_MAX) })
          : t('validation.invalid');
    return [{ field: field(row, part), message }];
  });
}

export function questionsPage(
  ctx: PageContext,
  e: EventDoc,
  form: FormState,
  opts: { saved?: boolean },
): Page {
  const { t } = ctx;
  const w = questionPageWords[ctx.lang];
  const id = String(e._id);
  const labels: Record<string, string> = {};
  for (let row = 0; row < QUESTIONS_MAX; row++) {
    labels[field(row, 'label')] = `${w.row(row + 1)} – ${w.label}`;
    labels[field(row, 'options')] = `${w.row(row + 1)} – ${w.options}`;
  }
  const typeOptions = QUESTION_TYPES.map((type) => ({ value: type, label: w.types[type] }));
  return {
    title: formPageTitle(form, w.title(e.title), t),
    section: 'console',
    body: html`<h1>${w.title(e.title)}</h1>
      ${consoleNav(ctx, 'events')} ${opts.saved ? notice(w.saved) : ''}
      <p><a href="${CONSOLE_EVENTS}/${id}">${w.back}</a></p>
      <p>${w.intro}</p>
      ${notice(w.privacyHint, 'warning')}
      <p>${w.keptAnswers}</p>
      ${errorSummary(form, labels, t)}
      <form class="stack" method="post" action="${CONSOLE_EVENTS}/${id}/fragen" novalidate>
        ${csrfField(ctx)}
        ${Array.from({ length: QUESTIONS_MAX }, (_, row) => {
          const idValue = form.values[field(row, 'id')];
          return html`<fieldset class="question-row">
            <legend>${w.row(row + 1)}</legend>
            ${typeof idValue === 'string' && idValue ? html`<input type="hidden" name="${field(row, 'id')}" value="${idValue}" />` : ''}
            ${textField(form, { name: field(row, 'label'), label: w.label, hint: w.labelHint, maxlength: QUESTION_LABEL_MAX }, t)}
            ${selectField(form, { name: field(row, 'type'), label: w.type, options: typeOptions }, t)}
            ${textArea(form, { name: field(row, 'options'), label: w.options, hint: w.optionsHint, rows: 3 }, t)}
            ${checkboxField(form, { name: field(row, 'required'), label: w.required }, t)}
            ${textField(form, { name: field(row, 'position'), label: w.position, type: 'number', min: 1, max: QUESTIONS_MAX, inputmode: 'numeric' }, t)}
          </fieldset>`;
        })}
        <button type="submit">${w.save}</button>
      </form>`,
  };
}
