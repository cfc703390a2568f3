export {
  documentRoute,
  documentedRoutes,
  type ApiRoute,
  type ApiResponse,
  type HttpMethod,
  type RouteAuth,
} from './api-routes';
export { buildOpenApiDocument, schemaOf } from './build-openapi';
export { expressRoutes, type ExpressRoute } from './express-routes';
