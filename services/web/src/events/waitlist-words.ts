import type { Lang } from '@qn/web-ui';

/** The waiting-list place in plain words, as the manage page says it. */
export const waitlistPlace: Record<Lang, (n: number) => string> = {
  de: (n) => `Sie sind Nr. ${n} auf der Warteliste.`,
  en: (n) => `You are number ${n} on the waiting list.`,
};
