import type { Lang } from '@qn/web-ui';

/** The manage page's rectification section (DSGVO Art. 16), German first. */
export const rectifyWords: Record<
  Lang,
  {
    title: string;
    intro: string;
    address: string;
    submit: string;
    done: string;
    organisation: string;
    needs: string;
  }
> = {
  de: {
    title: 'Angaben berichtigen',
    intro:
      'Hier können Sie Ihren Namen, Ihre Organisation und Ihre Hinweise zur Barrierefreiheit selbst korrigieren (Art. 16 DSGVO). Ein leeres Feld löscht die Angabe; der Name ist Pflicht.',
    address:
      'Die E-Mail-Adresse lässt sich nicht ändern: Stornieren Sie dafür diese Anmeldung und melden Sie sich mit der neuen Adresse erneut an.',
    submit: 'Angaben speichern',
    done: 'Ihre Angaben sind berichtigt.',
    organisation: 'Organisation',
    needs: 'Hinweise zur Barrierefreiheit',
  },
  en: {
    title: 'Correct your details',
    intro:
      'Here you can correct your name, your organisation and your accessibility needs yourself (Art. 16 GDPR). An empty field deletes the entry; the name is required.',
    address:
      'The email address cannot be changed: cancel this registration and register again with the new address.',
    submit: 'Save details',
    done: 'Your details have been corrected.',
    organisation: 'Organisation',
    needs: 'Accessibility needs',
  },
};
