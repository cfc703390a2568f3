import { runRestoreCli } from './run-cli';

// Entry point: node packages/backup/dist/cli/restore.js --in backup.ndjson.gz [--force]
// eslint-disable-next-line no-restricted-properties -- an entry point; run-cli parses it with configSchema
void runRestoreCli(process.argv.slice(2), process.env, process).then((code) => process.exit(code));
