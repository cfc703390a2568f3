import { isAppError } from '@qn/domain';
import { checkAnswers } from './check-answers';
import { checkQuestions, type EventQuestion } from './event-questions';
import { attendeesCsv } from './attendees-csv';
import type { Attendee } from './attendees';

const questions: EventQuestion[] = checkQuestions([
  {
    id: 'q00000001',
    label: 'Arbeitsgruppe',
    type: 'choice',
    required: true,
    options: ['Wohnen', 'Mobilität'],
  },
  { id: 'q00000002', label: 'Essen Sie mit?', type: 'yesno', required: true },
  { id: 'q00000003', label: 'Anmerkung', type: 'text' },
]);

/** The fields a validation error names, or the error itself when it is not one. */
function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (isAppError(err) && err.code === 'validation') return err.details.fields!.map((f) => f.field);
    throw err;
  }
  return [];
}

describe('checkQuestions', () => {
  it('keeps given ids, gives new questions one, and trims labels and options', () => {
    const [kept, added] = checkQuestions([
      { id: 'q0000000a', label: ' Essen? ', type: 'yesno' },
      { label: 'Gruppe', type: 'choice', options: [' A ', 'B', ''] },
    ]);
    expect(kept).toEqual({ id: 'q0000000a', label: 'Essen?', type: 'yesno', required: false });
    expect(added!.id).toMatch(/^q[0-9a-f]{8}$/);
    expect(added!.options).toEqual(['A', 'B']);
  });

  it('refuses more than 10, long labels, bad option counts and duplicate ids, naming each row', () => {
    expect(
      fieldsOf(() => checkQuestions(Array.from({ length: 11 }, () => ({ label: 'x', type: 'text' })))),
    ).toContain('questions');
    expect(
      fieldsOf(() =>
        checkQuestions([
          { label: 'x'.repeat(201), type: 'text' },
          { label: 'Gruppe', type: 'choice', options: ['nur eine'] },
          { label: 'Gruppe', type: 'choice', options: Array.from({ length: 11 }, (_, i) => `o${i}`) },
          { label: 'Gruppe', type: 'choice', options: ['A', 'A'] },
          { label: '', type: 'yesno' },
          { id: 'q00000001', label: 'a', type: 'text' },
          { id: 'q00000001', label: 'b', type: 'text' },
          { label: 'Text', type: 'text', options: ['A', 'B'] },
        ]),
      ),
    ).toEqual([
      'questions.0.label',
      'questions.1.options',
      'questions.2.options',
      'questions.3.options',
      'questions.4.label',
      'questions.6.id',
      'questions.7.options',
    ]);
  });
});

describe('checkAnswers', () => {
  it('stores answers in question order with their labels; blank optional ones are left out', () => {
    const answers = checkAnswers(
      questions,
      { q00000002: true, q00000001: 'Mobilität', q00000003: '  ' },
      { requireAll: true },
    );
    expect(answers).toEqual([
      { questionId: 'q00000001', label: 'Arbeitsgruppe', type: 'choice', value: 'Mobilität' },
      { questionId: 'q00000002', label: 'Essen Sie mit?', type: 'yesno', value: 'yes' },
    ]);
    expect(
      checkAnswers(questions, { q00000001: 'Wohnen', q00000002: 'no' }, { requireAll: true })[1]!.value,
    ).toBe('no');
  });

  it('names every wrong answer: missing required, unknown option or question, too long, not yes/no', () => {
    expect(fieldsOf(() => checkAnswers(questions, {}, { requireAll: true }))).toEqual([
      'answers.q00000001',
      'answers.q00000002',
    ]);
    expect(
      fieldsOf(() =>
        checkAnswers(
          questions,
          { q00000001: 'Radfahren', q00000002: 'vielleicht', q00000003: 'x'.repeat(501), q99999999: 'a' },
          { requireAll: true },
        ),
      ),
    ).toEqual(['answers.q99999999', 'answers.q00000001', 'answers.q00000002', 'answers.q00000003']);
    expect(
      fieldsOf(() => checkAnswers(questions, { q00000003: 'x'.repeat(500) }, { requireAll: false })),
    ).toEqual([]);
  });

  it('lets organisers leave required questions open, but not give wrong answers', () => {
    expect(checkAnswers(questions, undefined, { requireAll: false })).toEqual([]);
    expect(
      fieldsOf(() => checkAnswers(questions, { q00000001: 'Radfahren' }, { requireAll: false })),
    ).toEqual(['answers.q00000001']);
  });
});

describe('attendeesCsv with questions', () => {
  const base: Attendee = {
    id: 'r1',
    name: 'Erika Mustermann',
    companions: 0,
    status: 'confirmed',
    source: 'self',
    registeredAt: new Date('2026-12-01T10:00:00Z'),
  };
  it('has a column per question, then answered questions that were removed, Excel-safe', () => {
    const attendees: Attendee[] = [
      {
        ...base,
        answers: [
          { questionId: 'q00000002', label: 'Essen Sie mit?', type: 'yesno', value: 'yes' },
          { questionId: 'q00000003', label: 'Anmerkung', type: 'text', value: '=HYPERLINK("x")' },
          { questionId: 'q0000000f', label: 'Alte Frage', type: 'text', value: 'alte Antwort' },
        ],
      },
      { ...base, id: 'r2', name: 'Max Muster' },
    ];
    const lines = attendeesCsv(attendees, 'Europe/Berlin', questions).split('\r\n');
    expect(lines[0]).toMatch(/;Anschrift;Arbeitsgruppe;Essen Sie mit\?;Anmerkung;Alte Frage$/);
    expect(lines[1]).toMatch(/;;ja;"'=HYPERLINK\(""x""\)";alte Antwort$/);
    expect(lines[2]).toMatch(/;;;;$/);
  });
});
