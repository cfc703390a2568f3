/**
 * FerretDB has no text index and no collation, so free text runs as a regex over a stored,
 * normalised copy of the searchable fields. Both sides fold case and umlauts the same way, so
 * "Köngen", "koengen" and "KÖNGEN" find the same programmes.
 */
export function normaliseSearchText(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function searchWords(q: string): string[] {
  return [
    ...new Set(
      normaliseSearchText(q)
        .split(' ')
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 8);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
