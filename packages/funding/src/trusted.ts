import mongoose from 'mongoose';

/**
 * `sanitizeFilter` is on globally (@qn/db), so every query operator built here from validated
 * values must be marked trusted or mongoose wraps it in `$eq`. Input never reaches this
 * unparsed: callers pass keys checked against the vocabulary and normalised strings.
 */
export function op<T extends object>(operator: T): T {
  return mongoose.trusted(operator) as T;
}
