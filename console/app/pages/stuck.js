// Stuck: the oldest non-final payouts and PENDING orders with their ages (GET /v1/admin/stuck), the "top 20 oldest"
// of the daily checklist. Read only: the stuck-tx-sweeper hands each back to its owner; a person opens the item.
import { html, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { get, query } from '../lib/api.js';
import { amountText } from '../lib/money.js';
import { itemHref, waited, KindBadge, ItemStatus, StuckBadge, WHO_MAY_READ_STUCK } from '../lib/stuck.js';

const DEFAULT_LIMIT = 20;
const LIMITS = [20, 50, 100];

function Row({ item }) {
  return html`<tr data-id=${item.id} data-kind=${item.kind}>
    <td data-label="Kind"><span><${KindBadge} kind=${item.kind} /></span></td>
    <td data-label="Id"><span><a href=${itemHref(item)}><code>${item.id}</code></a></span></td>
    <td data-label="Status"><span><${ItemStatus} item=${item} /> <${StuckBadge} item=${item} />${item.reason
      ? html`<span class="muted reason block">${item.reason}</span>` : null}</span></td>
    <td data-label="Age" class="age"><span><strong>${waited(item.ageSeconds)}</strong>
      <span class="muted block">since ${when(item.since)}</span></span></td>
    <td data-label="Amount" class="num amount"><span>${amountText(item.amount, item.asset || item.currency)}</span></td>
    <td data-label="User"><span><code>${item.userId}</code></span></td>
  </tr>`;
}

function StuckPage({ query: q }) {
  const asked = Number((q && q.get('limit')) || DEFAULT_LIMIT);
  const limit = LIMITS.includes(asked) ? asked : DEFAULT_LIMIT;
  const list = useLoad(() => get('/v1/admin/stuck' + query({ limit })), [limit]);
  const items = list.data ? list.data.items : [];
  const stuck = items.filter(i => i.stuck).length;
  return html`<h1>Stuck</h1>
    <p class="muted">The oldest payouts not yet final and orders still pending, oldest first. The sweeper hands what is
      stuck back to the worker or asks Midtrans every 5 minutes; it never fails or expires anything itself.</p>
    <nav aria-label="How many"><ul class="tabs">${LIMITS.map(n => html`<li><a href=${'#/stuck' + (n === DEFAULT_LIMIT ? '' : query({ limit: n }))}
      aria-current=${n === limit ? 'page' : undefined}>Top ${n}</a></li>`)}</ul></nav>
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    <${WhoMay} problem=${list.problem}>${WHO_MAY_READ_STUCK}</${WhoMay}>
    ${list.data ? html`
      <p id="stuck-summary">${stuck ? html`<span class="badge bad">▲ ${stuck} stuck</span>` : html`<span class="badge ok">● Nothing stuck</span>`}
        ${' '}<span class="muted">among the ${items.length} oldest, as of ${when(list.data.asOf)}</span></p>
      ${items.length === 0 ? html`<p id="stuck-empty"><span class="badge ok">● None</span> No payout or order is waiting.</p>`
        : html`<div class="scroll"><table class="stack" id="stuck-items">
            <caption class="visually-hidden">The ${items.length} oldest waiting payouts and orders</caption>
            <thead><tr><th scope="col">Kind</th><th scope="col">Id</th><th scope="col">Status</th><th scope="col">Age</th>
              <th scope="col">Amount</th><th scope="col">User</th></tr></thead>
            <tbody>${items.map(i => html`<${Row} key=${i.kind + i.id} item=${i} />`)}</tbody>
          </table></div>`}
      <button type="button" class="link" id="stuck-refresh" onClick=${() => list.reload()}>Refresh</button>` : null}`;
}

export default { path: '/stuck', title: 'Stuck', Page: StuckPage };
