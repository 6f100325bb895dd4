// The stuck list as the Stuck page and Daily Ops show it: who may read it, a link to each item's own page, its age.
import { html, age } from './ui.js';
import { PayoutStatus } from './payouts.js';

// the roles of GET /v1/admin/stuck (shared Topology): the console hides what a role cannot read, the API still decides
export const STUCK_READERS = ['ops', 'finance', 'support', 'super_admin'];
export const WHO_MAY_READ_STUCK = 'The stuck list is read by ops, finance, support and super_admin.';

/** Where an item of the stuck list lives in the console: a payout's page or an order's. */
export function itemHref(item) {
  return (item.kind === 'payout' ? '#/payouts/' : '#/orders/') + encodeURIComponent(item.id);
}

/** "3 h", "12 min": how long an item has waited (the API's ageSeconds, never negative). */
export function waited(seconds) {
  return age(Number(seconds) * 1000).replace(/ ago$/, '');
}

export function KindBadge({ kind }) {
  return html`<span class="badge neutral">${kind === 'payout' ? '↗ Payout' : '↘ Order'}</span>`;
}

/** A payout's status badge; an order on the list is always PENDING. */
export function ItemStatus({ item }) {
  return item.kind === 'payout' ? html`<${PayoutStatus} status=${item.status} />`
    : html`<span class="badge warn">◷ ${item.status === 'PENDING' ? 'Pending' : item.status}</span>`;
}

export function StuckBadge({ item }) {
  return item.stuck ? html`<span class="badge bad">▲ Stuck</span>` : null;
}
