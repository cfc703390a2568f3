export { connectDb, pingDb, closeDb, type DbOptions } from './connect-db';
export { baseSchemaOptions, isDuplicateKeyError } from './schema-conventions';
export { defineModel } from './define-model';
export { ensureIndexes, indexPolicy, type IndexPolicy } from './model-indexes';
