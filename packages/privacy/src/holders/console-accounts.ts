import { Account, ApiToken } from '@qn/auth';
import { anyOf, erasedAddress, toRecords } from '../records';
import { fixedRetention } from '../retention';
import type { PersonalDataHolder } from '../types';

const consoleBasis = {
  de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 4 LDSG BW (Aufgabenerfüllung der Koordinationsstelle); bei Beschäftigten Art. 88 DSGVO i. V. m. § 15 LDSG BW',
  en: 'Art. 6(1)(e) GDPR with § 4 LDSG BW (the coordination office’s public task); for staff Art. 88 GDPR with § 15 LDSG BW',
};

/** Sign-in accounts of the office's admins and the organisations' organisers. */
export const accountsHolder: PersonalDataHolder = {
  key: 'auth.accounts',
  activity: 'console',
  collection: 'accounts',
  models: [{ model: 'Account', fields: ['email', 'name'] }],
  category: { de: 'Konto für die Verwaltungsoberfläche', en: 'Console account' },
  purpose: {
    de: 'Anmeldung von Organisatorinnen und Organisatoren und der Koordinationsstelle; Zuordnung zu ihrer Organisation',
    en: 'Sign-in of organisers and the coordination office; link to their organisation',
  },
  legalBasis: consoleBasis,
  source: {
    de: 'Angelegt von der Koordinationsstelle (oder beim Start aus ADMIN_EMAIL)',
    en: 'Created by the coordination office (or at start-up from ADMIN_EMAIL)',
  },
  recipients: { de: 'Koordinationsstelle (Administratoren)', en: 'Coordination office (admins)' },
  retention: () =>
    fixedRetention({
      de: 'Solange die Person die Oberfläche nutzt; auf Antrag oder beim Ausscheiden deaktiviert und anonymisiert',
      en: 'As long as the person uses the console; disabled and anonymised on request or when they leave',
    }),
  find: async (ctx) =>
    toRecords(
      await Account.find(
        { email: ctx.email },
        { email: 1, name: 1, role: 1, organisationId: 1, disabledAt: 1, createdAt: 1, updatedAt: 1 },
      ).lean(),
    ),
  // The account stays, disabled, because audit entries and events point at its id.
  erase: async (ctx) => {
    const rows = await Account.find({ email: ctx.email }, { _id: 1 }).lean();
    for (const r of rows) {
      await Account.updateOne(
        { _id: r._id },
        { $set: { email: erasedAddress(r._id), disabledAt: new Date() }, $unset: { name: 1 } },
      );
    }
    return { deleted: 0, anonymised: rows.length };
  },
};

/** API tokens belong to an account; only their hash is stored, but they are the person's. */
export const apiTokensHolder: PersonalDataHolder = {
  key: 'auth.api-tokens',
  activity: 'console',
  collection: 'api_tokens',
  models: [{ model: 'ApiToken', fields: ['accountId'] }],
  category: {
    de: 'API-Schlüssel des Kontos (nur als Hash gespeichert)',
    en: 'API tokens of the account (stored hashed)',
  },
  purpose: {
    de: 'Anmeldung von Programmen im Namen des Kontos',
    en: 'Sign-in of programs on behalf of the account',
  },
  legalBasis: consoleBasis,
  source: { de: 'Von der Koordinationsstelle ausgegeben', en: 'Issued by the coordination office' },
  recipients: { de: 'Niemand (nur der Hash wird verglichen)', en: 'Nobody (only the hash is compared)' },
  retention: () =>
    fixedRetention({
      de: 'Bis zum Widerruf oder zur Löschung des Kontos',
      en: 'Until revoked or the account is erased',
    }),
  dependsOn: ['auth.accounts'],
  find: async (ctx) => {
    const ids = (ctx.linked.get('auth.accounts') ?? []).map((a) => a.id);
    const rows = await ApiToken.find({ accountId: anyOf(ids) }).lean();
    // The hash is the key, not something the person gave; show the label and dates only.
    return toRecords(rows).map(({ id: _hash, ...rest }) => ({
      id: `token-of-${String(rest.accountId)}`,
      ...rest,
    }));
  },
  erase: async (ctx) => {
    const ids = (ctx.linked.get('auth.accounts') ?? []).map((a) => a.id);
    if (ids.length === 0) return { deleted: 0, anonymised: 0 };
    const r = await ApiToken.deleteMany({ accountId: anyOf(ids) });
    return { deleted: r.deletedCount, anonymised: 0 };
  },
};
