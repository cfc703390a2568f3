import { join } from 'node:path';

/** The folder with site.css and the enhancement scripts; the same relative place from src/ and dist/. */
export const STATIC_DIR = join(__dirname, '..', 'static');
