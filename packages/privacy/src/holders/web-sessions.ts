import mongoose from 'mongoose';
import { fixedRetention } from '../retention';
import { toRecords } from '../records';
import type { PersonalDataHolder } from '../types';

/**
 * The web console's sessions and magic-link sign-ins. Their models live in the web service
 * (packages never import services), so these read the collections by name.
 */
const col = (name: string) => mongoose.connection.collection(name);

function accountIds(linked: ReadonlyMap<string, readonly { id: string }[]>): string[] {
  return (linked.get('auth.accounts') ?? []).map((a) => a.id);
}

export const webSessionsHolder: PersonalDataHolder = {
  key: 'web.sessions',
  activity: 'console',
  collection: 'web_sessions',
  models: [
    { model: 'WebSession', fields: ['accountId'] },
    { model: 'WebSignInToken', fields: ['accountId'] },
  ],
  category: {
    de: 'Anmeldesitzungen und Anmeldelinks der Verwaltungsoberfläche',
    en: 'Console sessions and sign-in links',
  },
  purpose: {
    de: 'Angemeldet bleiben; Anmeldung per Link ohne Passwort',
    en: 'Staying signed in; password-less sign-in by link',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. Art. 32 DSGVO',
    en: 'Art. 6(1)(e) GDPR with Art. 32 GDPR',
  },
  source: { de: 'Entsteht bei der Anmeldung', en: 'Written when you sign in' },
  recipients: { de: 'Niemand (nur Hashes werden verglichen)', en: 'Nobody (only hashes are compared)' },
  retention: () =>
    fixedRetention({
      de: 'Bis zum Ablauf oder zur Abmeldung; abgelaufene werden bei späteren Anfragen entfernt',
      en: 'Until they expire or you sign out; expired ones are swept on later requests',
    }),
  dependsOn: ['auth.accounts'],
  find: async (ctx) => {
    const ids = accountIds(ctx.linked);
    const sessions = await col('web_sessions')
      .find({ accountId: { $in: ids } }, { projection: { _id: 0, accountId: 1, expiresAt: 1, createdAt: 1 } })
      .toArray();
    const links = await col('web_sign_in_tokens')
      .find({ accountId: { $in: ids } }, { projection: { _id: 0, accountId: 1, expiresAt: 1, createdAt: 1 } })
      .toArray();
    return toRecords([
      ...sessions.map((s, i) => ({ ...s, _id: `session-${i + 1}`, kind: 'session' })),
      ...links.map((s, i) => ({ ...s, _id: `sign-in-link-${i + 1}`, kind: 'sign-in-link' })),
    ]);
  },
  // Signs the person out everywhere; the account itself is disabled by its own holder.
  erase: async (ctx) => {
    const ids = accountIds(ctx.linked);
    if (ids.length === 0) return { deleted: 0, anonymised: 0 };
    const a = await col('web_sessions').deleteMany({ accountId: { $in: ids } });
    const b = await col('web_sign_in_tokens').deleteMany({ accountId: { $in: ids } });
    return { deleted: a.deletedCount + b.deletedCount, anonymised: 0 };
  },
};
