export { testConfig, uniqueName, mailboxUrl } from './test-env';
export { listMail, waitForMail, rawMail, type ReceivedMail } from './mailbox-client';
export { deleteQueueKeys } from './queue-cleanup';
export { eventually, type EventuallyOptions } from './eventually';
export { queriesDuring, notById, type LoggedQuery } from './query-log';
