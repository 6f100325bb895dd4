// An outbox item's delivery state as a badge, for the order page and the outbox page: a symbol and a word, not only a colour.
import { html } from './ui.js';

const STATUSES = {
  FAILED: ['bad', '■ Failed'],
  PENDING: ['warn', '◷ Pending'],
  SENDING: ['warn', '➚ Sending'],
  SENT: ['ok', '✓ Sent'],
  SUPPRESSED: ['neutral', '○ Suppressed'],
  UNDELIVERABLE: ['warn', '▲ Undeliverable'],
};

/** The statuses an outbox item can have, in the order the outbox page offers them (FAILED, the one to act on, first). */
export const OUTBOX_STATUSES = Object.keys(STATUSES);

export function OutboxStatus({ status }) {
  const [kind, text] = STATUSES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${kind}">${text}</span>`;
}

/** What a status means for the person reading it. */
export function outboxStatusMeaning(status) {
  switch (status) {
    case 'PENDING': return 'created or requeued, not delivered yet';
    case 'SENDING': return 'a sender is delivering it now';
    case 'SENT': return 'delivered';
    case 'FAILED': return 'refused for good, or out of retries: requeue it once the cause is fixed';
    case 'SUPPRESSED': return 'its flag was off when it was due, so it was not sent';
    case 'UNDELIVERABLE': return 'the order named no email or phone';
    default: return '';
  }
}
