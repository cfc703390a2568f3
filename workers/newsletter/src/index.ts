export { createNewsletterWorker, type NewsletterWorkerDeps } from './create-newsletter-worker';
export { createNewsletterTransport, DKIM_SIGNED_HEADERS } from './create-newsletter-transport';
