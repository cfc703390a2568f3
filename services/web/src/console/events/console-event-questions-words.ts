import type { Lang } from '@qn/web-ui';

type QuestionPageWords = {
  link: string;
  title: (event: string) => string;
  intro: string;
  privacyHint: string;
  keptAnswers: string;
  row: (n: number) => string;
  label: string;
  labelHint: string;
  type: string;
  types: { text: string; choice: string; yesno: string };
  options: string;
  optionsHint: string;
  required: string;
  position: string;
  save: string;
  saved: string;
  back: string;
  optionsCount: string;
  optionsDiffer: string;
  noOptions: string;
  answers: string;
};

/** The console's question page and the attendee list's answers column. */
export const questionPageWords: Record<Lang, QuestionPageWords> = {
  de: {
    link: 'Anmeldefragen',
    title: (event) => `Anmeldefragen: ${event}`,
    intro:
      'Bis zu 10 eigene Fragen, die bei der Anmeldung gestellt werden: Freitext (bis 500 Zeichen), Auswahl (2 bis 10 Antwortmöglichkeiten) oder Ja/Nein. Leeren Sie das Feld „Frage“, um eine Frage zu entfernen.',
    privacyHint:
      'Fragen Sie nur, was Sie für die Veranstaltung wirklich brauchen. Gesundheitsangaben und andere besonders geschützte Daten (Art. 9 DSGVO, z. B. Religion, Herkunft) nur, wenn es ohne sie nicht geht – für Barrierefreiheit gibt es schon ein eigenes Feld.',
    keptAnswers:
      'Schon gegebene Antworten bleiben erhalten und werden mit der Frage gezeigt, wie sie damals lautete.',
    row: (n) => `Frage ${n}`,
    label: 'Frage',
    labelHint: 'Höchstens 200 Zeichen.',
    type: 'Antwortart',
    types: { text: 'Freitext', choice: 'Auswahl', yesno: 'Ja/Nein' },
    options: 'Antwortmöglichkeiten',
    optionsHint: 'Nur bei „Auswahl“: eine Möglichkeit pro Zeile, 2 bis 10.',
    required: 'Pflichtfrage',
    position: 'Reihenfolge',
    save: 'Fragen speichern',
    saved: 'Die Anmeldefragen wurden gespeichert.',
    back: 'Zurück zur Veranstaltung',
    optionsCount: 'Bitte 2 bis 10 verschiedene Antwortmöglichkeiten angeben, eine pro Zeile.',
    optionsDiffer: 'Die Antwortmöglichkeiten müssen sich unterscheiden.',
    noOptions: 'Antwortmöglichkeiten gibt es nur bei der Antwortart „Auswahl“.',
    answers: 'Antworten',
  },
  en: {
    link: 'Registration questions',
    title: (event) => `Registration questions: ${event}`,
    intro:
      'Up to 10 questions of your own, asked at registration: free text (up to 500 characters), choice (2 to 10 options) or yes/no. Empty the “Question” field to remove a question.',
    privacyHint:
      'Ask only what the event really needs. Health data and other specially protected data (Art. 9 GDPR, e.g. religion, origin) only if you cannot do without – accessibility needs already have their own field.',
    keptAnswers: 'Answers already given are kept and shown with the question as it was worded then.',
    row: (n) => `Question ${n}`,
    label: 'Question',
    labelHint: 'At most 200 characters.',
    type: 'Answer type',
    types: { text: 'Free text', choice: 'Choice', yesno: 'Yes/no' },
    options: 'Options',
    optionsHint: 'For “Choice” only: one option per line, 2 to 10.',
    required: 'Required',
    position: 'Order',
    save: 'Save questions',
    saved: 'The registration questions were saved.',
    back: 'Back to the event',
    optionsCount: 'Please give 2 to 10 different options, one per line.',
    optionsDiffer: 'The options must differ.',
    noOptions: 'Only “Choice” questions have options.',
    answers: 'Answers',
  },
};
