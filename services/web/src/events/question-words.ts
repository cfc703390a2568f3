import type { Lang } from '@qn/web-ui';

/** Words of the registration questions on public pages (the form and the manage page). */
export const questionWords: Record<
  Lang,
  { yes: string; no: string; answers: string; questionsTitle: string; noAnswer: string }
> = {
  de: {
    yes: 'Ja',
    no: 'Nein',
    answers: 'Ihre Antworten',
    questionsTitle: 'Fragen der Veranstaltenden',
    noAnswer: 'keine Angabe',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    answers: 'Your answers',
    questionsTitle: 'Questions from the organisers',
    noAnswer: 'not answered',
  },
};
