import mongoose from 'mongoose';
import { toRecords } from '../records';
import { fixedRetention } from '../retention';
import type { PersonalDataHolder } from '../types';

/**
 * The foundation's smoke slice stores the address an admin sent a test mail to. Its model lives
 * in a service (packages never import services), so this reads the collection directly.
 */
const pings = () => mongoose.connection.collection('smoke_pings');

export const smokePingsHolder: PersonalDataHolder = {
  key: 'smoke.pings',
  activity: 'mail',
  collection: 'smoke_pings',
  models: [{ model: 'Ping', fields: ['to', 'message'] }],
  category: { de: 'Testnachrichten der Administratoren', en: 'Test messages sent by admins' },
  purpose: {
    de: 'Prüfen, dass der Mailversand funktioniert',
    en: 'Check that mail delivery works',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. Art. 32 DSGVO (Betriebssicherheit)',
    en: 'Art. 6(1)(e) GDPR with Art. 32 GDPR (operational security)',
  },
  source: { de: 'Von einem Administrator eingegeben', en: 'Entered by an admin' },
  recipients: { de: 'Mail-Relay (Auftragsverarbeiter)', en: 'Mail relay (processor)' },
  retention: () =>
    fixedRetention({ de: 'Bis zur Löschung durch die Administratoren', en: 'Until admins delete them' }),
  find: async (ctx) => toRecords(await pings().find({ to: ctx.email }).toArray()),
  erase: async (ctx) => {
    const r = await pings().deleteMany({ to: ctx.email });
    return { deleted: r.deletedCount, anonymised: 0 };
  },
};
