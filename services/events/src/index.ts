export { createEventsRouter } from './create-events-router';
