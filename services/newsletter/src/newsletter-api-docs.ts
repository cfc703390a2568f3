/**
 * Every /api/newsletter route in the OpenAPI document, one file per routes file, each with the
 * schemas the handlers parse with (inputs.ts).
 */
import './newsletter-public-api-docs';
import './newsletter-list-api-docs';
import './newsletter-campaign-api-docs';
// The click-counting redirect documents itself there (its own routes file).
import './click-api-docs';
