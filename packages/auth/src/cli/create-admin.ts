import { runCreateAdminCli } from './run-create-admin-cli';

// Entry point: node packages/auth/dist/cli/create-admin.js --email office@example.org
// eslint-disable-next-line no-restricted-properties -- an entry point; loadConfig parses it
void runCreateAdminCli(process.argv.slice(2), process.env, process).then((code) => process.exit(code));
