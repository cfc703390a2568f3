import { Counter } from 'prom-client';
import { processRegistry } from './process-registry';

export type AlertOutcome = 'matched' | 'enqueued' | 'suppressed' | 'sent' | 'skipped';

let alerts: Counter<'outcome'> | undefined;

/**
 * Funding-alert progress as the alerts worker sees it: subscriptions matched by a programme
 * change, alert jobs enqueued, left out because suppressed, and alerts sent or skipped at send
 * time (the subscription no longer matched or had ended). Rates of these are what to watch
 * after a publish.
 */
export function countAlerts(outcome: AlertOutcome, n = 1): void {
  alerts ??= new Counter({
    name: 'qn_funding_alerts_total',
    help: 'Funding alerts by outcome: matched, enqueued, suppressed, sent, skipped',
    labelNames: ['outcome'],
    registers: [processRegistry()],
  });
  if (n > 0) alerts.inc({ outcome }, n);
}
