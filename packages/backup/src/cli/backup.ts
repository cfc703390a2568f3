import { runBackupCli } from './run-cli';

// Entry point: node packages/backup/dist/cli/backup.js --out /var/backups/qn-$(date +%F).ndjson.gz
// eslint-disable-next-line no-restricted-properties -- an entry point; run-cli parses it with configSchema
void runBackupCli(process.argv.slice(2), process.env, process).then((code) => process.exit(code));
