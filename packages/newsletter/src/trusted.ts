import mongoose from 'mongoose';

/**
 * `sanitizeFilter` is on globally (@qn/db): a query operator built here from validated values
 * must be marked trusted or mongoose wraps it in `$eq`. Raw input never reaches this.
 */
export function op<T extends object>(operator: T): T {
  return mongoose.trusted(operator) as T;
}
