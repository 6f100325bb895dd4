// Payouts as the payouts pages and Daily Ops show them: each status as a badge (a symbol and a word, not only a
// colour) with what it means, the stuck badge, destination addresses shortened for lists, and who may do what.
import { html, age } from './ui.js';

const STATUSES = {
  REQUESTED: ['warn', '◷ Requested', 'accepted, its amount held in the ledger; the worker submits it next'],
  HELD: ['warn', '‖ Held', 'the user’s primary wallet changed recently: held for review until the cooling-off ends'],
  SUBMITTING: ['warn', '➚ Submitting', 'the worker is handing it to the custodian now'],
  SUBMITTED: ['warn', '➚ Submitted', 'the custodian has it; confirmed only when the custodian says it completed'],
  RETRY_SCHEDULED: ['warn', '↻ Retry scheduled', 'the custodian did not answer or refused for now: tried again later by itself'],
  QUARANTINED: ['bad', '▲ Quarantined', 'a safety check failed: nothing was submitted, the hold is kept; it needs an override'],
  CONFIRMED: ['ok', '✓ Confirmed', 'paid: the custodian completed the transfer and the ledger shows the money out'],
  FAILED: ['bad', '■ Failed', 'not paid and its hold released back to the treasury; ops may retry it'],
  CANCELLED: ['neutral', '○ Cancelled', 'not paid: cancelled by a two-person override, its hold released'],
};

/** Every status, in the order a payout goes through them (the final ones last). */
export const PAYOUT_STATUSES = Object.keys(STATUSES);
export const PAYOUT_KINDS = ['REFUND', 'VESTING_CLAIM', 'REFERRAL_CLAIM', 'SBT_CLAIM', 'WITHDRAWAL'];
export const FINAL = ['CONFIRMED', 'FAILED', 'CANCELLED'];
export const RETRYABLE = ['FAILED', 'RETRY_SCHEDULED'];

// the roles of the API's routes (shared Topology): the console hides what a role cannot do, the API still decides
export const QUEUE_READERS = ['ops', 'finance', 'super_admin', 'support'];
export const RETRIERS = ['ops', 'finance'];
export const OVERRIDERS = ['finance', 'super_admin'];

export function statusLabel(status) {
  return (STATUSES[status] || [null, status])[1].replace(/^\S+ /, '');
}

export function PayoutStatus({ status }) {
  const [kind, text] = STATUSES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${kind}">${text}</span>`;
}

export function payoutStatusMeaning(status) {
  return (STATUSES[status] || [])[2] || 'a status Warroom does not know: the row was changed outside Warroom';
}

/** The stuck badge: in a state that is not final longer than that state allows, with how long it has been unchanged. */
export function Stuck({ payout }) {
  if (!payout.stuck) return null;
  const since = new Date(payout.updatedAt).getTime();
  return html`<span class="badge bad stuck">▲ Stuck</span>${isNaN(since) ? null
    : html` <span class="muted stuck-for">unchanged ${age(Date.now() - since).replace(' ago', '')}</span>`}`;
}

/** "0x52908400098527886E0F7030069857D2E4169EE7" → "0x5290…9EE7": enough to recognise, never to compare. */
export function shortAddress(address) {
  const a = String(address || '');
  return a.length <= 14 ? a : a.slice(0, 6) + '…' + a.slice(-4);
}

/** The ledger accounts a payout's entries move money between (issue 11's plan): treasury, pending, paid. */
export function payoutAccounts(payout) {
  const tail = payout.chain + ':' + payout.asset;
  return { treasury: 'treasury:' + tail, pending: 'payout_pending:' + tail, paid: 'payout_paid:' + tail };
}
