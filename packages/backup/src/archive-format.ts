/**
 * The archive: gzip of newline-delimited JSON.
 *   line 1     {"format":"quartiersnetz-backup","version":1,"createdAt":…,"database":…}
 *   per coll.  {"collection":name,"indexes":[…]}   (before its documents)
 *   per doc.   {"collection":name,"document":{…canonical Extended JSON v2…}}
 *   last line  {"end":true,"collections":n,"documents":n}   (a missing one means truncated)
 * Canonical EJSON keeps every BSON type (ObjectId, Date, Int64, Decimal128, Binary) exact.
 */
export const ARCHIVE_FORMAT = 'quartiersnetz-backup';
export const ARCHIVE_VERSION = 1;

export type ArchiveHeader = { format: string; version: number; createdAt: string; database: string };
export type IndexSpec = { name: string; key: Record<string, number | string>; unique?: boolean } & Record<
  string,
  unknown
>;
export type CollectionLine = { collection: string; indexes: IndexSpec[] };
export type DocumentLine = { collection: string; document: Record<string, unknown> };
export type EndLine = { end: true; collections: number; documents: number };
