export { createSchedulerWorker, type SchedulerWorkerDeps } from './create-scheduler-worker';
export { scheduleHousekeepingJobs, HOUSEKEEPING_SCHEDULES } from './schedule-housekeeping-jobs';
