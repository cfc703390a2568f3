export { createNewsletterWorker, type NewsletterWorkerDeps } from './create-newsletter-worker';
export { createNewsletterTransport, dkimKeyOf } from './create-newsletter-transport';
export { NODE_FLAGS, missingNodeFlags } from './node-flags';
