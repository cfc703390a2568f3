import type { SchemaOptions } from 'mongoose';

/**
 * Every collection: createdAt/updatedAt, no __v (FerretDB updates aren't atomic, so a
 * version key would suggest a guarantee we don't have), and JSON with `id` instead of `_id`.
 */
export const baseSchemaOptions = {
  timestamps: true,
  versionKey: false,
  toJSON: {
    virtuals: false,
    transform(_doc: unknown, ret: Record<string, unknown>) {
      ret.id = String(ret._id);
      delete ret._id;
      return ret;
    },
  },
} satisfies SchemaOptions;

/** Mongo's duplicate-key error, which is how a unique index says "someone else won". */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: number; writeErrors?: { code?: number }[] };
  return (
    e.code === 11000 || ((e.writeErrors?.length ?? 0) > 0 && e.writeErrors!.every((w) => w.code === 11000))
  );
}
