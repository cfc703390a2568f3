import type { Lang } from '@qn/web-ui';

/** The words of the organisations and accounts pages, German first. */
const de = {
  orgs: {
    title: 'Organisationen',
    intro:
      'Die Organisationen des Netzwerks: Kommunen, Vereine und Verbände, die Veranstaltungen anbieten. Deaktivierte Organisationen behalten ihre Veranstaltungen, ihre Mitglieder können aber nichts mehr ändern.',
    name: 'Name',
    actorType: 'Art',
    municipality: 'Kommune',
    noMunicipality: 'Keine Angabe',
    state: 'Status',
    active: 'Aktiv',
    disabled: 'Deaktiviert',
    members: 'Mitglieder',
    edit: 'Bearbeiten',
    create: 'Organisation anlegen',
    new: 'Neue Organisation',
    save: 'Speichern',
    editTitle: (name: string) => `Organisation bearbeiten: ${name}`,
    idHint: (id: string) => `Kennung: ${id} (bleibt beim Umbenennen gleich)`,
    deactivate: 'Organisation deaktivieren',
    reactivate: 'Organisation wieder aktivieren',
    deactivateConfirm: (name: string) =>
      `Wollen Sie „${name}“ deaktivieren? Ihre Veranstaltungen bleiben bestehen; ihre Mitglieder können sie weiterhin sehen, aber nichts mehr anlegen oder ändern. Sie können die Organisation später wieder aktivieren.`,
    noMembers: 'Diese Organisation hat noch keine Mitglieder.',
    inviteHere: 'Person einladen',
    done: {
      angelegt: 'Die Organisation ist angelegt.',
      gespeichert: 'Die Änderungen sind gespeichert.',
      unveraendert: 'Es gab nichts zu ändern.',
      deaktiviert: 'Die Organisation ist deaktiviert.',
      aktiviert: 'Die Organisation ist wieder aktiv.',
    },
    errors: {
      nameTaken: 'Eine Organisation mit diesem Namen gibt es schon.',
      nameInvalid: 'Bitte geben Sie einen Namen in einer Zeile an, mit mindestens einem Buchstaben.',
    },
  },
  accounts: {
    title: 'Konten',
    intro:
      'Wer in der Konsole arbeitet: die Koordinationsstelle (Administration) und die Mitglieder der Organisationen. Eingeladene melden sich über den Link in ihrer Einladung an.',
    email: 'E-Mail-Adresse',
    name: 'Name',
    access: 'Zugang',
    state: 'Status',
    stateActive: 'Aktiv',
    stateInvited: 'Eingeladen, noch nicht angemeldet',
    stateDisabled: 'Deaktiviert',
    admin: 'Administration (Koordinationsstelle)',
    organiser: 'Organisieren',
    viewer: 'Nur ansehen',
    roleHint:
      'Organisieren: Veranstaltungen anlegen und ändern, Anmeldungen verwalten. Nur ansehen: Teilnehmendenlisten und Exporte sehen, nichts ändern. Administration: alles, auch Organisationen und Konten.',
    organisation: 'Organisation',
    chooseOrganisation: 'Bitte wählen',
    invite: 'Person einladen',
    inviteSubmit: 'Einladung senden',
    inviteHint:
      'Die Person erhält eine E-Mail mit einem Anmeldelink, der 7 Tage gilt. Hat sie schon ein Konto, kommt der neue Zugang zu ihren bisherigen hinzu.',
    details: 'Details',
    memberships: 'Mitgliedschaften',
    noMemberships: 'Keine Mitgliedschaften.',
    changeRole: 'Rolle ändern',
    removeMembership: 'Aus der Organisation entfernen',
    addMembership: 'Mitgliedschaft hinzufügen',
    add: 'Hinzufügen',
    makeAdmin: 'Zur Administration machen',
    revokeAdmin: 'Administrationsrechte entziehen',
    deactivate: 'Konto deaktivieren',
    reactivate: 'Konto wieder aktivieren',
    remove: 'Konto entfernen',
    removeConfirm: (email: string) =>
      `Wollen Sie das Konto ${email} endgültig entfernen? Die Person kann sich nicht mehr anmelden, ihre API-Zugangsschlüssel werden gelöscht. Das Protokoll behält ihre Änderungen unter der Konto-Kennung.`,
    deactivateConfirm: (email: string) =>
      `Wollen Sie das Konto ${email} deaktivieren? Die Person wird sofort abgemeldet und kann sich nicht mehr anmelden, bis Sie das Konto wieder aktivieren.`,
    lastSignIn: 'Zuletzt angemeldet',
    never: 'Noch nie',
    you: '(Sie)',
    done: {
      eingeladen: 'Die Einladung ist unterwegs.',
      gespeichert: 'Die Änderung ist gespeichert.',
      unveraendert: 'Es gab nichts zu ändern.',
      deaktiviert: 'Das Konto ist deaktiviert.',
      aktiviert: 'Das Konto ist wieder aktiv.',
      entfernt: 'Das Konto ist entfernt.',
    },
    errors: {
      organisationRequired: 'Bitte wählen Sie die Organisation, für die die Person arbeiten soll.',
      nameInvalid: 'Bitte geben Sie den Namen in einer Zeile an (höchstens 200 Zeichen).',
      lastAdmin: 'Das letzte aktive Admin-Konto kann nicht entfernt, deaktiviert oder herabgestuft werden.',
      self: 'Ihr eigenes Konto können Sie nicht deaktivieren oder entfernen.',
    },
  },
  mail: {
    subject: 'Einladung in die Konsole von Quartiersnetz',
    greeting: 'Guten Tag,',
    admin:
      'Sie sind eingeladen, in der Konsole von Quartiersnetz als Teil der Koordinationsstelle (Administration) mitzuarbeiten.',
    member: (org: string, role: string) =>
      `Sie sind eingeladen, in der Konsole von Quartiersnetz für „${org}“ mitzuarbeiten (Zugang: ${role}).`,
    how: 'Mit dem Knopf unten melden Sie sich an; der Link gilt 7 Tage und nur einmal. Danach fordern Sie auf der Anmeldeseite jederzeit einen neuen Link an.',
    ignore: 'Wenn Sie die Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
    action: 'Einladung annehmen und anmelden',
  },
};

export type AccountsWords = typeof de;

const en: AccountsWords = {
  orgs: {
    title: 'Organisations',
    intro:
      "The network's organisations: municipalities, associations and federations that offer events. A deactivated organisation keeps its events, but its members can no longer change anything.",
    name: 'Name',
    actorType: 'Type',
    municipality: 'Municipality',
    noMunicipality: 'Not given',
    state: 'State',
    active: 'Active',
    disabled: 'Deactivated',
    members: 'Members',
    edit: 'Edit',
    create: 'Create organisation',
    new: 'New organisation',
    save: 'Save',
    editTitle: (name) => `Edit organisation: ${name}`,
    idHint: (id) => `Identifier: ${id} (stays the same when renamed)`,
    deactivate: 'Deactivate organisation',
    reactivate: 'Reactivate organisation',
    deactivateConfirm: (name) =>
      `Deactivate “${name}”? Its events remain; its members can still see them but can no longer create or change anything. You can reactivate the organisation later.`,
    noMembers: 'This organisation has no members yet.',
    inviteHere: 'Invite a person',
    done: {
      angelegt: 'The organisation has been created.',
      gespeichert: 'The changes have been saved.',
      unveraendert: 'There was nothing to change.',
      deaktiviert: 'The organisation has been deactivated.',
      aktiviert: 'The organisation is active again.',
    },
    errors: {
      nameTaken: 'An organisation of this name already exists.',
      nameInvalid: 'Please give a name on one line, with at least one letter.',
    },
  },
  accounts: {
    title: 'Accounts',
    intro:
      'Who works in the console: the coordination office (administration) and the members of the organisations. Invited people sign in with the link in their invitation.',
    email: 'Email address',
    name: 'Name',
    access: 'Access',
    state: 'State',
    stateActive: 'Active',
    stateInvited: 'Invited, not signed in yet',
    stateDisabled: 'Deactivated',
    admin: 'Administration (coordination office)',
    organiser: 'Organise',
    viewer: 'View only',
    roleHint:
      'Organise: create and change events, manage registrations. View only: see attendee lists and exports, change nothing. Administration: everything, including organisations and accounts.',
    organisation: 'Organisation',
    chooseOrganisation: 'Please choose',
    invite: 'Invite a person',
    inviteSubmit: 'Send invitation',
    inviteHint:
      'The person receives an email with a sign-in link valid for 7 days. If they already have an account, the new access is added to what they have.',
    details: 'Details',
    memberships: 'Memberships',
    noMemberships: 'No memberships.',
    changeRole: 'Change role',
    removeMembership: 'Remove from the organisation',
    addMembership: 'Add a membership',
    add: 'Add',
    makeAdmin: 'Make administrator',
    revokeAdmin: 'Revoke administrator rights',
    deactivate: 'Deactivate account',
    reactivate: 'Reactivate account',
    remove: 'Remove account',
    removeConfirm: (email) =>
      `Remove the account ${email} for good? The person can no longer sign in and their API tokens are deleted. The audit log keeps their changes under the account identifier.`,
    deactivateConfirm: (email) =>
      `Deactivate the account ${email}? The person is signed out at once and cannot sign in until you reactivate the account.`,
    lastSignIn: 'Last signed in',
    never: 'Never',
    you: '(you)',
    done: {
      eingeladen: 'The invitation is on its way.',
      gespeichert: 'The change has been saved.',
      unveraendert: 'There was nothing to change.',
      deaktiviert: 'The account has been deactivated.',
      aktiviert: 'The account is active again.',
      entfernt: 'The account has been removed.',
    },
    errors: {
      organisationRequired: 'Please choose the organisation the person will work for.',
      nameInvalid: 'Please give the name on one line (at most 200 characters).',
      lastAdmin: 'The last active administrator account cannot be removed, deactivated or demoted.',
      self: 'You cannot deactivate or remove your own account.',
    },
  },
  mail: {
    subject: 'Invitation to the Quartiersnetz console',
    greeting: 'Hello,',
    admin:
      'You are invited to work in the Quartiersnetz console as part of the coordination office (administration).',
    member: (org, role) =>
      `You are invited to work in the Quartiersnetz console for “${org}” (access: ${role}).`,
    how: 'Sign in with the button below; the link is valid for 7 days and once only. After that, ask for a new link on the sign-in page at any time.',
    ignore: 'If you did not expect this invitation, you can ignore this email.',
    action: 'Accept the invitation and sign in',
  },
};

export const accountsWords: Record<Lang, AccountsWords> = { de, en };
