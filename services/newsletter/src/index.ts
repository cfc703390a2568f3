export { createNewsletterRouter } from './create-newsletter-router';
export type { NewsletterRouterDeps } from './deps';
