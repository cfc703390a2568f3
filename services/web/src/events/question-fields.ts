import type { AnswersInput, EventQuestion, RegistrationAnswer } from '@qn/events';
import { ANSWER_TEXT_MAX, answerText, checkAnswers } from '@qn/events';
import { isAppError, type FieldIssue } from '@qn/domain';
import {
  choiceGroup,
  html,
  textArea,
  type FormState,
  type PageContext,
  type SafeHtml,
  type Translate,
} from '@qn/web-ui';
import { questionWords } from './question-words';

/** Form fields of the event's questions are `answer_<questionId>`; the domain names `answers.<id>`. */
export const answerField = (questionId: string): string => `answer_${questionId}`;

/** The answers in a urlencoded body, by question id; everything else in the body is ignored. */
export function answersFromBody(questions: EventQuestion[] | undefined, body: unknown): AnswersInput {
  const values = (body ?? {}) as Record<string, unknown>;
  const out: AnswersInput = {};
  for (const q of questions ?? []) {
    const v = values[answerField(q.id)];
    if (typeof v === 'string') out[q.id] = v;
  }
  return out;
}

/** The domain's answer errors as form errors beside their fields, in the page's language. */
export function answerIssues(fields: FieldIssue[] | undefined, t: Translate): FieldIssue[] {
  return (fields ?? [])
    .filter((f) => f.field.startsWith('answers.'))
    .map((f) => ({
      field: answerField(f.field.slice('answers.'.length)),
      message:
        f.message === 'required'
          ? t('validation.required')
          : f.message === 'not one of the options' || f.message === 'yes or no expected'
            ? t('validation.choice')
            : f.message.startsWith('at most')
              ? t('validation.tooLong', { max: String(ANSWER_TEXT_MAX) })
              : t('validation.invalid'),
    }));
}

/**
 * The answers' problems when the rest of the form already failed, so that the person sees
 * every error at once rather than the answers' only after fixing the others.
 */
export function answerFormIssues(
  questions: EventQuestion[] | undefined,
  body: unknown,
  t: Translate,
  opts: { requireAll: boolean },
): FieldIssue[] {
  try {
    checkAnswers(questions ?? [], answersFromBody(questions, body), opts);
    return [];
  } catch (err) {
    if (isAppError(err) && err.code === 'validation') return answerIssues(err.details.fields, t);
    throw err;
  }
}

/** Labels for the error summary. */
export function answerLabels(questions: EventQuestion[] | undefined): Record<string, string> {
  return Object.fromEntries((questions ?? []).map((q) => [answerField(q.id), q.label]));
}

/**
 * The event's questions as form fields. `markRequired: false` for organisers, who may leave
 * required questions open (a phone call does not always get every answer).
 */
export function questionFields(
  ctx: PageContext,
  form: FormState,
  questions: EventQuestion[] | undefined,
  opts: { markRequired: boolean },
): SafeHtml {
  const { t } = ctx;
  const w = questionWords[ctx.lang];
  return html`${(questions ?? []).map((q) => {
    const name = answerField(q.id);
    const required = opts.markRequired && q.required;
    if (q.type === 'text')
      return textArea(form, { name, label: q.label, required, rows: 3, maxlength: ANSWER_TEXT_MAX }, t);
    const options =
      q.type === 'yesno'
        ? [
            { value: 'yes', label: w.yes },
            { value: 'no', label: w.no },
          ]
        : (q.options ?? []).map((o) => ({ value: o, label: o }));
    return choiceGroup(form, { name, label: q.label, required, type: 'radio', options }, t);
  })}`;
}

/** Answers as "label: answer" lines, yes/no in the page's language. */
export function answerLines(ctx: PageContext, answers: RegistrationAnswer[] | undefined): SafeHtml {
  const w = questionWords[ctx.lang];
  if (!answers?.length) return html``;
  return html`<ul class="answers">
    ${answers.map((a) => html`<li>${a.label}: ${answerText(a, { yes: w.yes, no: w.no })}</li>`)}
  </ul>`;
}
