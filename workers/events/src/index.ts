export { createEventsWorker, scheduleEventRetention, type EventsWorkerDeps } from './create-events-worker';
