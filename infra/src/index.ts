export { startMailbox, type Mailbox, type MailboxOptions } from './mailbox/start-mailbox';
export { MailStore, type StoredMessage } from './mailbox/mail-store';
export { startFerretDb, ensureFerretDbBinary, repoRoot, type FerretDb } from './ferretdb';
export { ensureRedis, pingRedis } from './redis';
export { freePort, waitForTcp } from './free-port';
