export { QueueName } from './queue-names';
export { defineJob, type JobDefinition } from './define-job';
export { jobs, type JobName, type PayloadOf, type JobsOn } from './registry';
export { Producer, toJobId, retentionDefaults, type EnqueueOptions, type JobEnvelope } from './producer';
export { createWorker, UnrecoverableError, type Handler, type Handlers, type JobContext } from './worker';
export { createProducerConnection, createWorkerConnection } from './redis-connection';
export { orUnavailable } from './or-unavailable';
export { withRedisLock } from './redis-lock';
// For code that reads what is queued (the privacy export) without depending on BullMQ itself.
export type { Job as QueuedJob, JobType as QueuedJobState } from 'bullmq';
