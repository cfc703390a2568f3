import type { Lang } from '@qn/web-ui';

/** How the public pages mark a programme whose last deadline has passed. */
export const closedWords: Record<Lang, { closed: string; lastDeadline: (date: string) => string }> = {
  de: {
    closed: 'Bewerbungsfrist abgelaufen',
    lastDeadline: (date) => `letzte Frist war der ${date}`,
  },
  en: {
    closed: 'Application deadline passed',
    lastDeadline: (date) => `the last deadline was ${date}`,
  },
};
