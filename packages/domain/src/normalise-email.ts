/**
 * Addresses are stored and compared in one normal form because FerretDB has no collation:
 * trimmed, lower-cased, Unicode NFC. Local parts are case-sensitive in theory, never in practice.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
