/**
 * In the split layout ops serves the API reference of the whole installation, and a route is
 * in the document once its service's module has registered it: so ops loads every service
 * package here for that alone (their routers are built, never mounted, in this process).
 */
import '@qn/service-smoke';
import '@qn/service-events';
import '@qn/service-funding';
import '@qn/service-newsletter';
import '@qn/service-calendar';
import '@qn/service-privacy';
import '@qn/service-web';
