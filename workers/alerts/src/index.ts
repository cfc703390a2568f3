export { createAlertsWorker, type AlertsWorkerDeps } from './create-alerts-worker';
