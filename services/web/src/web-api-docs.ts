/**
 * The web front end's pages and forms in the OpenAPI document (imported for its side effect by
 * create-web-router.ts): the public pages and the console, each with its form schemas.
 */
import './web-public-api-docs';
import './web-console-api-docs';
