export { createEventsWorker, scheduleEventJobs, type EventsWorkerDeps } from './create-events-worker';
