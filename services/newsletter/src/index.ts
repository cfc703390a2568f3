export { createNewsletterRouter } from './create-newsletter-router';
// The routes' OpenAPI entries, registered wherever the service is composed (all-in-one).
import './newsletter-api-docs';
export type { NewsletterRouterDeps } from './deps';
