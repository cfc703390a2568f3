import type { Lang } from '@qn/web-ui';

/** The subscriber's details page (DSGVO Art. 16), German first. */
export const detailsWords: Record<
  Lang,
  {
    title: string;
    intro: (list: string) => string;
    address: (email: string) => string;
    unsubscribe: string;
    submit: string;
    done: string;
    link: string;
    goneTitle: string;
    goneText: string;
    goneRequest: string;
  }
> = {
  de: {
    title: 'Ihre Angaben zum Newsletter',
    intro: (list) =>
      `Hier sehen und berichtigen Sie, was zu Ihrem Abonnement von „${list}“ gespeichert ist (Art. 16 DSGVO). Ein leeres Feld löscht die Angabe.`,
    address: (email) =>
      `Ihre E-Mail-Adresse (${email}) lässt sich hier nicht ändern: Bestellen Sie den Newsletter ab und melden Sie sich mit der neuen Adresse neu an.`,
    unsubscribe: 'Newsletter abbestellen',
    submit: 'Angaben speichern',
    done: 'Ihre Angaben sind berichtigt.',
    link: 'Ihre Angaben ansehen oder berichtigen',
    goneTitle: 'Dieser Link zeigt keine Angaben mehr',
    goneText:
      'Sie sind von diesem Newsletter abgemeldet. Damit niemand, der eine alte E-Mail in die Hände bekommt, Ihre Angaben sieht, öffnet dieser Link sie nicht mehr.',
    goneRequest: 'Auskunft, Berichtigung oder Löschung beantragen',
  },
  en: {
    title: 'Your newsletter details',
    intro: (list) =>
      `Here you see and correct what is stored about your subscription to "${list}" (Art. 16 GDPR). An empty field deletes the entry.`,
    address: (email) =>
      `Your email address (${email}) cannot be changed here: unsubscribe and sign up again with the new address.`,
    unsubscribe: 'Unsubscribe',
    submit: 'Save details',
    done: 'Your details have been corrected.',
    link: 'View or correct your details',
    goneTitle: 'This link no longer shows any details',
    goneText:
      'You have unsubscribed from this newsletter. So that nobody who comes across an old email sees your details, this link no longer opens them.',
    goneRequest: 'Request access, correction or deletion',
  },
};
