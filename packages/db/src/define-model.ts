import mongoose, { type Model, type Schema } from 'mongoose';

/** Registers a model once per mongoose instance (a module may be loaded twice by test runners). */
export function defineModel<T, M extends Model<T> = Model<T>>(name: string, schema: Schema<T>): M {
  return ((mongoose.models[name] as M | undefined) ?? mongoose.model<T, M>(name, schema as never)) as M;
}
