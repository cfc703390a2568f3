import { randomBytes } from 'node:crypto';
import { AppError, textProblem, type FieldIssue } from '@qn/domain';
import { Event, type EventDoc } from './models/event';
import { withEventLock } from './event-lock';
import { forgetEvent } from './event-cache';
import type { EventsDeps } from './events-deps';

export type QuestionType = 'text' | 'choice' | 'yesno';

/** One question an event asks at registration, in the order the organiser gave. */
export type EventQuestion = {
  /** Stable across edits, so that answers keep pointing at their question. */
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** Only for `choice`: the options as shown, which are also the stored answers. */
  options?: string[];
};

/** A question as an organiser sends it: without an id it is a new one. */
export type QuestionInput = {
  id?: string;
  label: string;
  type: QuestionType;
  required?: boolean;
  options?: string[];
};

export const QUESTIONS_MAX = 10;
export const QUESTION_LABEL_MAX = 200;
export const QUESTION_OPTION_MAX = 100;
export const QUESTION_OPTIONS_MIN = 2;
export const QUESTION_OPTIONS_MAX = 10;
export const QUESTION_TYPES: readonly QuestionType[] = ['text', 'choice', 'yesno'];
export const QUESTION_ID = /^q[0-9a-f]{8}$/;

const newQuestionId = () => `q${randomBytes(4).toString('hex')}`;

/**
 * Checks an event's questions and gives new ones their ids. Field names in errors are
 * `questions.<index>.<part>`, so forms and API clients can point at the row.
 */
export function checkQuestions(input: QuestionInput[]): EventQuestion[] {
  const issues: FieldIssue[] = [];
  if (input.length > QUESTIONS_MAX)
    issues.push({ field: 'questions', message: `at most ${QUESTIONS_MAX} questions` });
  const seen = new Set<string>();
  const out = input.map((q, i): EventQuestion => {
    const at = `questions.${i}`;
    const label = q.label.trim();
    if (!label) issues.push({ field: `${at}.label`, message: 'required' });
    else if (label.length > QUESTION_LABEL_MAX)
      issues.push({ field: `${at}.label`, message: `at most ${QUESTION_LABEL_MAX} characters` });
    else {
      const problem = textProblem(label, 'line');
      if (problem) issues.push({ field: `${at}.label`, message: problem });
    }
    if (!QUESTION_TYPES.includes(q.type)) issues.push({ field: `${at}.type`, message: 'unknown type' });
    const id = q.id ?? newQuestionId();
    if (!QUESTION_ID.test(id) || seen.has(id))
      issues.push({ field: `${at}.id`, message: 'not a question id' });
    seen.add(id);
    const question: EventQuestion = { id, label, type: q.type, required: q.required ?? false };
    if (q.type === 'choice') {
      const options = (q.options ?? []).map((o) => o.trim()).filter(Boolean);
      if (options.length < QUESTION_OPTIONS_MIN || options.length > QUESTION_OPTIONS_MAX)
        issues.push({
          field: `${at}.options`,
          message: `${QUESTION_OPTIONS_MIN} to ${QUESTION_OPTIONS_MAX} options`,
        });
      else if (new Set(options).size !== options.length)
        issues.push({ field: `${at}.options`, message: 'options must differ' });
      else if (options.some((o) => o.length > QUESTION_OPTION_MAX || textProblem(o, 'line')))
        issues.push({
          field: `${at}.options`,
          message: `each option one line of at most ${QUESTION_OPTION_MAX} characters`,
        });
      question.options = options;
    } else if (q.options?.length)
      issues.push({ field: `${at}.options`, message: 'only choice questions have options' });
    return question;
  });
  if (issues.length) throw AppError.validation(issues);
  return out;
}

/**
 * Replaces an event's questions (the whole list, in order). Answers already given are not
 * touched: each stores its question's label, so it stays readable after a question changed or
 * went (see check-answers.ts). Under the event lock, the one writer of the event document.
 */
export async function setEventQuestions(
  deps: EventsDeps,
  opts: { eventId: string; questions: QuestionInput[] },
): Promise<EventDoc> {
  const questions = checkQuestions(opts.questions);
  return withEventLock(deps, opts.eventId, async () => {
    const event = await Event.findById(opts.eventId).lean();
    if (!event) throw AppError.notFound('Veranstaltung nicht gefunden.');
    if (event.status === 'cancelled') throw AppError.conflict('Die Veranstaltung wurde abgesagt.');
    await Event.updateOne({ _id: event._id }, { $set: { questions } });
    forgetEvent(opts.eventId);
    return { ...event, questions };
  });
}
