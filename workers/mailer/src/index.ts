export { createMailerWorker, type MailerDeps } from './create-mailer-worker';
