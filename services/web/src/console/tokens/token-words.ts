import type { Lang } from '@qn/web-ui';

/** The console's API token pages, German first. */
export const tokenWords: Record<
  Lang,
  {
    title: string;
    intro: string;
    own: string;
    ownNone: string;
    all: string;
    allNone: string;
    col: { name: string; account: string; created: string; lastUsed: string; state: string; action: string };
    never: string;
    active: string;
    revokedOn: (when: string) => string;
    revokeAction: (name: string) => string;
    create: string;
    nameLabel: string;
    nameHint: (max: number) => string;
    nameInvalid: string;
    submit: string;
    createdTitle: string;
    tokenLabel: string;
    copyNow: string;
    usage: string;
    back: string;
    confirmTitle: string;
    confirmText: string;
    confirmSubmit: string;
    cancel: string;
    revoked: string;
  }
> = {
  de: {
    title: 'API-Zugangsschlüssel',
    intro:
      'Mit einem Zugangsschlüssel greift ein Programm (etwa ein Import-Skript oder die Website Ihrer Organisation) über die Programmierschnittstelle auf Quartiersnetz zu, mit genau den Rechten Ihres Kontos. Erstellen Sie für jedes Programm einen eigenen Schlüssel, dann können Sie ihn einzeln widerrufen.',
    own: 'Ihre Zugangsschlüssel',
    ownNone: 'Sie haben noch keinen Zugangsschlüssel.',
    all: 'Zugangsschlüssel aller Konten',
    allNone: 'Andere Konten haben keine Zugangsschlüssel.',
    col: {
      name: 'Name',
      account: 'Konto',
      created: 'Erstellt',
      lastUsed: 'Zuletzt benutzt',
      state: 'Status',
      action: 'Aktion',
    },
    never: 'noch nie',
    active: 'aktiv',
    revokedOn: (when) => `widerrufen am ${when}`,
    revokeAction: (name) => `Widerrufen: ${name}`,
    create: 'Neuen Zugangsschlüssel erstellen',
    nameLabel: 'Name des Schlüssels',
    nameHint: (max) =>
      `Wofür Sie ihn benutzen, z. B. „Import-Skript Seniorenbüro“ (höchstens ${max} Zeichen).`,
    nameInvalid: 'Der Name darf nur aus einer Zeile ohne Steuerzeichen bestehen.',
    submit: 'Zugangsschlüssel erstellen',
    createdTitle: 'Zugangsschlüssel erstellt',
    tokenLabel: 'Ihr neuer Zugangsschlüssel',
    copyNow:
      'Kopieren Sie den Schlüssel jetzt und bewahren Sie ihn sicher auf: Er wird nur dieses eine Mal angezeigt. Quartiersnetz speichert ihn nicht und kann ihn nicht wieder anzeigen. Geht er verloren, widerrufen Sie ihn und erstellen Sie einen neuen.',
    usage: 'Das Programm sendet ihn bei jeder Anfrage im Kopf „Authorization: Bearer …“.',
    back: 'Zurück zu den Zugangsschlüsseln',
    confirmTitle: 'Zugangsschlüssel widerrufen?',
    confirmText:
      'Programme, die diesen Schlüssel benutzen, werden sofort abgewiesen. Das lässt sich nicht rückgängig machen.',
    confirmSubmit: 'Endgültig widerrufen',
    cancel: 'Abbrechen',
    revoked: 'Der Zugangsschlüssel ist widerrufen.',
  },
  en: {
    title: 'API tokens',
    intro:
      "With a token a program (an import script, say, or your organisation's website) uses Quartiersnetz through the API, with exactly the rights of your account. Make one token per program, so that you can revoke each on its own.",
    own: 'Your tokens',
    ownNone: 'You have no tokens yet.',
    all: "Every account's tokens",
    allNone: 'No other account has tokens.',
    col: {
      name: 'Name',
      account: 'Account',
      created: 'Created',
      lastUsed: 'Last used',
      state: 'State',
      action: 'Action',
    },
    never: 'never',
    active: 'active',
    revokedOn: (when) => `revoked on ${when}`,
    revokeAction: (name) => `Revoke: ${name}`,
    create: 'Create a new token',
    nameLabel: 'Name of the token',
    nameHint: (max) => `What you use it for, e.g. "Import script senior office" (at most ${max} characters).`,
    nameInvalid: 'The name must be a single line without control characters.',
    submit: 'Create token',
    createdTitle: 'Token created',
    tokenLabel: 'Your new token',
    copyNow:
      'Copy the token now and keep it safe: it is shown this once only. Quartiersnetz does not store it and cannot show it again. If it is lost, revoke it and create a new one.',
    usage: 'The program sends it with every request in the header "Authorization: Bearer …".',
    back: 'Back to the tokens',
    confirmTitle: 'Revoke this token?',
    confirmText: 'Programs using this token are refused at once. This cannot be undone.',
    confirmSubmit: 'Revoke for good',
    cancel: 'Cancel',
    revoked: 'The token is revoked.',
  },
};
