import mongoose, { type Model, type Schema } from 'mongoose';
import { createModelIndexes, indexPolicy } from './model-indexes';

/**
 * Registers a model once per mongoose instance (a module may be loaded twice by test runners).
 * A model registered after `connectDb` gets its indexes now; the others get them from it.
 */
export function defineModel<T, M extends Model<T> = Model<T>>(name: string, schema: Schema<T>): M {
  const known = mongoose.models[name] as M | undefined;
  if (known) return known;
  const model = mongoose.model<T, M>(name, schema as never);
  const p = indexPolicy();
  if (p && mongoose.connection.readyState === 1)
    createModelIndexes(model as never, p).catch((err: Error) => {
      // Nothing awaits a model's registration; a failure here must not go unnoticed.
      process.emitWarning(`indexes of ${name} not created: ${err.message}`);
    });
  return model as M;
}
