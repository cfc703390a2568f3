import { AppError, textProblem, type FieldIssue } from '@qn/domain';
import type { EventQuestion } from './event-questions';

export const ANSWER_TEXT_MAX = 500;

/**
 * One stored answer. It carries its question's label (and type) as asked at registration
 * instead of pointing only at a question id: organisers may reword, reorder or delete
 * questions after people answered, and the attendee list, the export and the person's own
 * access export must still say what the answer was to. Versioning the questions would need a
 * second collection and a lookup on every list; a copied label is a few bytes per answer.
 */
export type RegistrationAnswer = {
  questionId: string;
  label: string;
  type: EventQuestion['type'];
  /** The text, the chosen option, or `yes` / `no`. */
  value: string;
};

/** Answers as sent: by question id; yes/no questions take `true`/`false` or `yes`/`no`. */
export type AnswersInput = Record<string, string | boolean | undefined>;

/**
 * Checks answers against an event's questions, in the questions' order. Errors name the
 * field as `answers.<questionId>`. Blank answers count as not given; `requireAll: false`
 * (organisers registering someone by phone) lets required questions stay unanswered.
 */
export function checkAnswers(
  questions: EventQuestion[],
  input: AnswersInput | undefined,
  opts: { requireAll: boolean },
): RegistrationAnswer[] {
  const given = input ?? {};
  const issues: FieldIssue[] = [];
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(given))
    if (!known.has(id)) issues.push({ field: `answers.${id}`, message: 'unknown question' });
  const answers: RegistrationAnswer[] = [];
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const raw = given[q.id];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === '') {
      if (q.required && opts.requireAll) issues.push({ field, message: 'required' });
      continue;
    }
    if (q.type === 'yesno') {
      const yes = value === true || value === 'yes';
      const no = value === false || value === 'no';
      if (!yes && !no) issues.push({ field, message: 'yes or no expected' });
      else answers.push({ questionId: q.id, label: q.label, type: q.type, value: yes ? 'yes' : 'no' });
      continue;
    }
    if (typeof value !== 'string') {
      issues.push({ field, message: 'text expected' });
      continue;
    }
    if (q.type === 'choice' && !q.options?.includes(value)) {
      issues.push({ field, message: 'not one of the options' });
      continue;
    }
    if (value.length > ANSWER_TEXT_MAX) {
      issues.push({ field, message: `at most ${ANSWER_TEXT_MAX} characters` });
      continue;
    }
    const problem = textProblem(value, 'text');
    if (problem) {
      issues.push({ field, message: problem });
      continue;
    }
    answers.push({ questionId: q.id, label: q.label, type: q.type, value });
  }
  if (issues.length) throw AppError.validation(issues);
  return answers;
}
