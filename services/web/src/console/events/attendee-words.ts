import type { Lang } from '@qn/web-ui';

/** Words of the registration-by-phone form and its messages on the event page. */
export const attendeeWords: Record<
  Lang,
  {
    emailHint: string;
    phone: string;
    postalAddress: string;
    postalAddressHint: string;
    contactRequired: string;
    contact: string;
    registeredNoEmail: string;
    promotedCall: (name: string, contact: string) => string;
    cancelledCall: (people: string) => string;
    cancelEventCall: string;
    changedCall: (people: string) => string;
    noEmail: string;
  }
> = {
  de: {
    emailHint:
      'Ohne E-Mail-Adresse geben Sie bitte Telefon oder Anschrift an; die Person bekommt dann keine E-Mails.',
    phone: 'Telefon',
    postalAddress: 'Anschrift',
    postalAddressHint: 'Straße, Hausnummer, Postleitzahl und Ort',
    contactRequired: 'Bitte geben Sie eine E-Mail-Adresse, eine Telefonnummer oder eine Anschrift an.',
    contact: 'Telefon / Anschrift',
    registeredNoEmail:
      'Die Anmeldung wurde gespeichert. Ohne E-Mail-Adresse wird nichts verschickt: Bitte teilen Sie der Person das Ergebnis selbst mit.',
    promotedCall: (name, contact) =>
      `${name} ist von der Warteliste nachgerückt und hat keine E-Mail-Adresse. Bitte benachrichtigen Sie die Person selbst: ${contact}`,
    noEmail: 'keine E-Mail',
    cancelEventCall:
      'Diese Angemeldeten haben keine E-Mail-Adresse und erfahren von der Absage nur durch Sie:',
    changedCall: (people) =>
      `Die Änderungen wurden gespeichert. Angemeldete ohne E-Mail-Adresse erfahren davon nur durch Sie: ${people}`,
    cancelledCall: (people) =>
      `Die Anmeldung wurde storniert. Von der Warteliste rückt nach, ohne E-Mail-Adresse – bitte benachrichtigen Sie selbst: ${people}`,
  },
  en: {
    emailHint:
      'Without an e-mail address, please give a phone number or postal address; the person then gets no e-mails.',
    phone: 'Phone',
    postalAddress: 'Postal address',
    postalAddressHint: 'Street, number, postcode and town',
    contactRequired: 'Please give an e-mail address, a phone number or a postal address.',
    contact: 'Phone / address',
    registeredNoEmail:
      'The registration was saved. Without an e-mail address nothing is sent: please let the person know yourself.',
    promotedCall: (name, contact) =>
      `${name} moved up from the waiting list and has no e-mail address. Please tell them yourself: ${contact}`,
    noEmail: 'no e-mail',
    cancelEventCall: 'These registrants have no e-mail address and learn of the cancellation only from you:',
    changedCall: (people) =>
      `The changes were saved. Registrants without an e-mail address learn of them only from you: ${people}`,
    cancelledCall: (people) =>
      `The registration was cancelled. Moving up from the waiting list without an e-mail address – please tell them yourself: ${people}`,
  },
};
