export { createPrivacyRouter, type PrivacyRouterDeps } from './create-privacy-router';
