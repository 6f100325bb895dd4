// Orders: look one up by id; its facts (status, amount, item, user, seal), its payment story as a timeline (each
// notification as Midtrans sent it, what Midtrans's get-status said, the transition applied), its entitlement and
// its notifications. Read only: no route sets an order's status by hand.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get } from '../lib/api.js';
import { amountText } from '../lib/money.js';
import { OutboxStatus, outboxStatusMeaning } from '../lib/outbox.js';
import { useDraft } from '../lib/drafts.js';

const READERS_TEXT = 'Orders are read by support, ops and finance (and the platform itself).';
// after a notification the processor checks it with Midtrans a moment later: the page follows until it has, a minute at most
const FOLLOW_EVERY_MS = 1500;
const FOLLOW_AT_MOST = 40;

const STATUSES = {
  PENDING: ['warn', '◷ Pending', 'Waiting for payment: Midtrans has confirmed nothing yet.'],
  PAID: ['ok', '● Paid', 'Paid, as Midtrans’s get-status API confirmed.'],
  PARTIALLY_REFUNDED: ['warn', '↺ Partly refunded', 'Paid, then part of it refunded.'],
  REFUNDED: ['neutral', '↺ Refunded', 'Paid, then refunded in full.'],
  EXPIRED: ['neutral', '○ Expired', 'Not paid in time: Midtrans expired it.'],
  CANCELLED: ['neutral', '✕ Cancelled', 'Cancelled before it was paid.'],
  FAILED: ['bad', '■ Failed', 'The payment failed or was denied.'],
};

function OrderStatus({ status }) {
  const [kind, text] = STATUSES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${kind}" id="order-status">${text}</span>`;
}

function Integrity({ integrity }) {
  return integrity === 'intact' ? html`<span class="badge ok" id="order-integrity">● Seal intact</span>`
    : integrity === 'tampered' ? html`<span class="badge bad" id="order-integrity">▲ Tampered</span>`
      : html`<span class="badge warn" id="order-integrity">▲ ${integrity || 'not checked'}</span>`;
}

function Fact({ term, children }) {
  return html`<dt>${term}</dt><dd>${children}</dd>`;
}

function Lookup({ current }) {
  const [orderId, setOrderId] = useDraft('orders.lookup', current || '');
  const submit = e => {
    e.preventDefault();
    const id = orderId.trim();
    if (id) location.hash = '#/orders/' + encodeURIComponent(id);
  };
  return html`<form class="card lookup" id="order-lookup" onSubmit=${submit} aria-labelledby="order-lookup-title">
    <h2 id="order-lookup-title">Look up an order</h2>
    <label for="order-id">Order id (as the platform registered it, Midtrans’s <code>order_id</code>)</label>
    <div class="inline-field">
      <input id="order-id" name="orderId" required autocomplete="off" spellcheck=${false} placeholder="O-2026-000123"
        value=${orderId} onInput=${e => setOrderId(e.target.value)} />
      <button type="submit">Show order</button>
    </div>
  </form>`;
}

function midtransSaid(m) {
  const parts = ['status code ' + m.statusCode];
  if (m.fraudStatus) parts.push('fraud status ' + m.fraudStatus);
  if (m.grossAmount != null) parts.push(amountText(m.grossAmount, m.currency));
  return parts.join(', ');
}

function NotificationEvent({ e, currency }) {
  return html`<li class="event notification" data-kind="notification">
    <div class="event-head">
      <h3><span class="event-mark" aria-hidden="true">✉ </span>Notification: <code>${e.transactionStatus}</code></h3>
      <time datetime=${e.at}>${when(e.at)}</time>
    </div>
    <p class="muted">Midtrans told us; the signature held, but only get-status is believed.</p>
    <dl class="facts tight">
      <${Fact} term="Status code"><code>${e.statusCode}</code></${Fact}>
      <${Fact} term="Gross amount">${e.grossAmount != null ? amountText(e.grossAmount, (e.raw && e.raw.currency) || currency) : '—'}</${Fact}>
      ${e.fraudStatus ? html`<${Fact} term="Fraud status"><code>${e.fraudStatus}</code></${Fact}>` : null}
      ${e.paymentType ? html`<${Fact} term="Payment type">${e.paymentType}</${Fact}>` : null}
      ${e.transactionId ? html`<${Fact} term="Transaction id"><code>${e.transactionId}</code></${Fact}>` : null}
    </dl>
    <details><summary>Raw notification</summary>
      <pre class="raw">${JSON.stringify(e.raw, null, 2)}</pre>
      <p class="muted">Event key <code>${e.eventKey}</code></p>
    </details>
  </li>`;
}

function CheckEvent({ e }) {
  const m = e.midtrans;
  return html`<li class="event check" data-kind="check">
    <div class="event-head">
      <h3><span class="event-mark" aria-hidden="true">⇄ </span>Checked with Midtrans ${e.source === 'reconcile' ? '(reconcile)' : '(after the notification)'}</h3>
      <time datetime=${e.at}>${when(e.at)}</time>
    </div>
    <p class="said">${m ? html`Get-status said <code>${m.transactionStatus}</code> (${midtransSaid(m)})`
      : html`<span class="badge warn">▲ No answer</span> get-status gave no transaction`}</p>
    <p class="outcome">${e.applied ? html`<span class="badge ok">→ ${e.applied}</span>` : html`<span class="badge neutral">No change</span>`}
      ${' '}${e.outcome}</p>
  </li>`;
}

function Timeline({ events, currency }) {
  if (!events.length) {
    return html`<p id="timeline-empty" class="muted">No payment events yet: Midtrans has not notified us about this order, and
      no reconcile has checked it.</p>`;
  }
  return html`<ol class="timeline" id="timeline" aria-labelledby="timeline-title">
    ${events.map(e => e.kind === 'notification' ? html`<${NotificationEvent} key=${e.eventKey} e=${e} currency=${currency} />`
      : e.kind === 'check' ? html`<${CheckEvent} key=${e.eventKey} e=${e} />`
        : html`<li class="event" key=${e.eventKey}><pre class="raw">${JSON.stringify(e, null, 2)}</pre></li>`)}
  </ol>`;
}

function Entitlement({ order }) {
  const ent = order.entitlement;
  if (!ent) {
    return order.status === 'PAID'
      ? html`<p id="entitlement"><span class="badge bad">▲ None</span> The order is paid but no access was granted.</p>`
      : html`<p id="entitlement" class="muted">No access granted: it is granted when the order is paid.</p>`;
  }
  return html`<p id="entitlement">${ent.revokedAt
    ? html`<span class="badge neutral">○ Revoked</span> Access to <code>${ent.item}</code> granted ${when(ent.grantedAt)}, revoked ${when(ent.revokedAt)}.`
    : html`<span class="badge ok">● Granted</span> Access to <code>${ent.item}</code> since ${when(ent.grantedAt)}.`}</p>`;
}

function Notifications({ list }) {
  if (!list.length) {
    return html`<p id="order-notifications" class="muted">None: a success notification is created when the order is paid.</p>`;
  }
  return html`<ul class="plain notifications" id="order-notifications">${list.map(n => html`<li data-id=${n.id}>
    <code>${n.kind}</code> <${OutboxStatus} status=${n.status} />
    <br /><span class="muted">${n.attempts} ${n.attempts === 1 ? 'attempt' : 'attempts'}: ${outboxStatusMeaning(n.status)}</span>
    ${n.lastError ? html`<br /><span class="last-error">Last error: ${n.lastError}</span>` : null}
    ${n.status === 'FAILED' ? html`<br /><a href="#/outbox">Requeue it on the Outbox page</a>` : null}
  </li>`)}</ul>`;
}

/**
 * Notifications not checked with Midtrans yet, and notifications not delivered yet: what the page waits for. A check's
 * key is check:<the notification's key>:<time>:<nonce> (every check of a notification is kept).
 */
function outstanding(order) {
  const events = order.events || [];
  const checks = events.filter(e => e.kind === 'check').map(e => e.eventKey);
  const unchecked = events.filter(e => e.kind === 'notification' && !checks.some(k => k.startsWith('check:' + e.eventKey + ':')));
  const undelivered = (order.notifications || []).filter(n => n.status === 'PENDING' || n.status === 'SENDING');
  return { unchecked: unchecked.length, undelivered: undelivered.length };
}

function Order({ orderId }) {
  const loaded = useLoad(() => get('/v1/orders/' + encodeURIComponent(orderId)), [orderId]);
  const follows = useRef(0);
  const [gaveUp, setGaveUp] = useState(false);
  const o = loaded.data;
  const waiting = o ? outstanding(o) : { unchecked: 0, undelivered: 0 };
  useEffect(() => {
    if (!o || loaded.loading || (waiting.unchecked === 0 && waiting.undelivered === 0)) return undefined;
    if (follows.current >= FOLLOW_AT_MOST) {
      setGaveUp(true);
      return undefined;
    }
    follows.current += 1;
    const t = setTimeout(loaded.reload, FOLLOW_EVERY_MS);
    return () => clearTimeout(t);
  }, [o, loaded.loading]);
  const refresh = () => { follows.current = 0; setGaveUp(false); loaded.reload(); };
  const notFound = loaded.problem && loaded.problem.status === 404;
  return html`<p><a href="#/orders">← Look up another order</a></p>
    <h1>Order <code>${orderId}</code></h1>
    ${loaded.loading && !o ? html`<${Loading} />` : null}
    <${Problem} problem=${loaded.problem} />
    ${notFound ? html`<p class="muted" id="order-not-found">Check the id: order ids are case-sensitive, and the platform
      registers each order before the person is sent to pay.</p>` : null}
    <${WhoMay} problem=${loaded.problem}>${READERS_TEXT}</${WhoMay}>
    ${o ? html`
      ${o.integrity === 'tampered' ? html`<div class="problem" role="alert" id="order-tampered"><strong>▲ Tampered:</strong> this order
        does not match its seal, so someone changed it outside Warroom. Payments do not change it until it is looked into;
        see the runbook.</div>` : null}
      <section class="card" aria-labelledby="order-facts-title">
        <h2 id="order-facts-title" class="visually-hidden">Facts</h2>
        <p class="order-head"><${OrderStatus} status=${o.status} /> <span id="order-status-sentence">${(STATUSES[o.status] || [])[2] || ''}</span></p>
        <dl class="facts tight" id="order-facts">
          <${Fact} term="Amount"><strong id="order-amount">${amountText(o.amount, o.currency)}</strong></${Fact}>
          ${o.refunded ? html`<${Fact} term="Refunded">${amountText(o.refunded, o.currency)}</${Fact}>` : null}
          <${Fact} term="Item"><code>${o.item}</code></${Fact}>
          <${Fact} term="User"><code>${o.userId}</code></${Fact}>
          ${o.customer && (o.customer.email || o.customer.phone) ? html`<${Fact} term="Contact">${[o.customer.email, o.customer.phone]
            .filter(Boolean).join(' · ')}</${Fact}>` : null}
          <${Fact} term="Registered">${when(o.createdAt)}</${Fact}>
          ${o.paidAt ? html`<${Fact} term="Paid">${when(o.paidAt)}</${Fact}>` : null}
          <${Fact} term="Last change">${when(o.updatedAt)} <span class="muted">(version ${o.version})</span></${Fact}>
          <${Fact} term="Seal"><${Integrity} integrity=${o.integrity} /></${Fact}>
        </dl>
      </section>
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Payment events <span class="muted">(oldest first)</span></h2>
        <${Timeline} events=${o.events || []} currency=${o.currency} />
        ${waiting.unchecked && !gaveUp ? html`<p class="muted" aria-live="polite" id="order-following">Waiting for the check with
          Midtrans…</p>` : null}
        ${waiting.unchecked && gaveUp ? html`<p id="order-unchecked"><span class="badge warn">▲ Not checked yet</span>
          ${waiting.unchecked === 1 ? ' A notification has' : ' ' + waiting.unchecked + ' notifications have'} not been checked with
          Midtrans; the processor retries them.</p>` : null}
      </section>
      <div class="grid">
        <section class="card" aria-labelledby="entitlement-title">
          <h2 id="entitlement-title">Entitlement</h2>
          <${Entitlement} order=${o} />
        </section>
        <section class="card" aria-labelledby="notifications-title">
          <h2 id="notifications-title">Notifications</h2>
          <${Notifications} list=${o.notifications || []} />
        </section>
      </div>
      <button type="button" class="secondary" id="order-refresh" onClick=${refresh}>Refresh</button>` : null}`;
}

function OrdersPage({ params }) {
  if (params.orderId) return html`<${Order} key=${params.orderId} orderId=${params.orderId} />`;
  return html`<h1>Orders</h1>
    <p class="muted">An order’s status, its payment events as Midtrans sent them and as get-status confirmed them, the access
      it granted and the notifications it sent.</p>
    <${Lookup} />`;
}

export default { path: '/orders', alsoAt: ['/orders/:orderId'], title: 'Orders', Page: OrdersPage };
