export { seedDemo } from './seed-demo';
export { DEMO_ORGANISATIONS } from './demo-organisations';
export { seedNewsletter, DEMO_NEWSLETTER_LIST_ID } from './seed-newsletter';
