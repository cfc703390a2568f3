/**
 * FerretDB has no text index, so each event stores the normalised words of its text and the
 * list matches query words as prefixes of them. Normalised: lower case, diacritics folded
 * (ü → u, ß → ss), split on anything that is not a letter or digit.
 */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
}

export function searchTermsOf(parts: (string | undefined)[]): string[] {
  return [...new Set(parts.flatMap((p) => (p ? normaliseWords(p) : [])))].slice(0, 500);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
