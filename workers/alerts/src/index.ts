export { createAlertsWorker, type AlertsWorkerDeps } from './create-alerts-worker';
export { scheduleFundingJobs, FUNDING_SCHEDULES } from './schedule-funding-jobs';
