import type { Attendee } from './attendees';
import type { RegistrationAnswer } from './check-answers';
import type { EventQuestion } from './event-questions';

export type AnswerColumn = {
  questionId: string;
  label: string;
  /** The answer as a spreadsheet cell in German (`ja`/`nein` for yes/no questions). */
  csvValue: (a: Attendee) => string;
};

/** An answer as text; yes/no in the words given (German by default, as in the export). */
export function answerText(
  a: RegistrationAnswer,
  words: { yes: string; no: string } = { yes: 'ja', no: 'nein' },
): string {
  if (a.type !== 'yesno') return a.value;
  return a.value === 'yes' ? words.yes : words.no;
}

/**
 * One column per question: the event's current questions in their order, then questions that
 * were removed after people answered them, under the label they were answered with.
 */
export function answerColumns(questions: EventQuestion[], attendees: Attendee[]): AnswerColumn[] {
  const columns = new Map<string, string>(questions.map((q) => [q.id, q.label]));
  for (const a of attendees)
    for (const ans of a.answers ?? [])
      if (!columns.has(ans.questionId)) columns.set(ans.questionId, ans.label);
  return [...columns].map(([questionId, label]) => ({
    questionId,
    label,
    csvValue: (a) => {
      const ans = a.answers?.find((x) => x.questionId === questionId);
      return ans ? answerText(ans) : '';
    },
  }));
}
