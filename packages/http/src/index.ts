export { createHttpApp, type HttpAppOptions, type ReadinessCheck } from './create-http-app';
export { sendProblem, errorHandler, notFoundHandler, type Problem } from './problem';
export { parseInput, zodIssuesToFields } from './validate';
export { requestIdOf } from './request-id';
export {
  documentRoute,
  documentedRoutes,
  buildOpenApiDocument,
  schemaOf,
  expressRoutes,
  type ExpressRoute,
  type ApiRoute,
  type ApiResponse,
  type HttpMethod,
  type RouteAuth,
} from './openapi';
