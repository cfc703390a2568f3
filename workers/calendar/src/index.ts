export { createCalendarWorker, type CalendarWorkerDeps } from './create-calendar-worker';
