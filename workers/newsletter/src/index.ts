export { createNewsletterWorker, type NewsletterWorkerDeps } from './create-newsletter-worker';
export { createNewsletterTransport, dkimKeyOf } from './create-newsletter-transport';
