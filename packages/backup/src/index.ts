export { backupDatabase, userCollections, type BackupResult } from './backup-database';
export { restoreDatabase, nonEmptyCollections, RestoreRefused, type RestoreResult } from './restore-database';
export { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-format';
export { runBackupCli, runRestoreCli } from './cli/run-cli';
