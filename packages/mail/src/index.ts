export { createMailTransport, isPermanentSmtpError, type DkimOptions } from './create-transport';
export { renderMail, escapeHtml, type MailContent, type MailBlock } from './render-mail';
export { MailLedger, type MailLedgerEntry } from './mail-ledger';
export { deliverOnce, type DeliverResult } from './deliver-once';
export {
  Suppression,
  addressHash,
  suppressAddress,
  liftSuppression,
  isSuppressed,
  suppressedHashes,
  type SuppressionReason,
} from './suppression';
export { unsubscribeMailto, unsubscribeTokenOfSubject } from './unsubscribe-mailto';
