// Payment reviews: payment events that were not applied and need a person (an amount that differs from the order's,
// an order nobody registered, Midtrans's get-status disagreeing with the notification), newest first, paged; and the
// "Reconcile with Midtrans now" button, for when notifications stop arriving.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, post, newAction, query } from '../lib/api.js';
import { moneyText } from '../lib/money.js';
import { hasRole } from '../lib/session.js';

const ADMINS = ['ops', 'finance', 'super_admin'];
const WHO_MAY = 'Payment reviews are read, and the reconcile run, by ops, finance and super_admin.';
const PAGE_SIZE = 25;
// the order ids a reconcile answer lists before "and N more"
const SHOWN_ORDER_IDS = 20;

const KINDS = {
  AMOUNT_MISMATCH: ['bad', '≠ Amount mismatch', 'Midtrans reported another amount than the order’s: the order was left as it was.'],
  UNKNOWN_ORDER: ['warn', '? Unknown order', 'Midtrans notified about an order nobody registered.'],
  STATUS_DISAGREES: ['warn', '⇄ Status disagrees', 'Get-status said something other than the notification: get-status was believed.'],
};

function Kind({ kind }) {
  const [tone, text] = KINDS[kind] || ['warn', '▲ ' + kind];
  return html`<span class="badge ${tone}">${text}</span>`;
}

function Review({ r }) {
  const [, , meaning] = KINDS[r.kind] || [];
  return html`<li class="card review" data-review-id=${r.id} data-kind=${r.kind}>
    <div class="review-head"><${Kind} kind=${r.kind} />
      <time datetime=${r.createdAt} class="muted">${when(r.createdAt)}</time></div>
    <h3>Order <a href=${'#/orders/' + encodeURIComponent(r.orderId)}><code>${r.orderId}</code></a></h3>
    ${meaning ? html`<p class="muted">${meaning}</p>` : null}
    ${r.expected || r.received ? html`<dl class="compare">
      <div><dt>Expected</dt><dd class="expected">${moneyText(r.expected)}</dd></div>
      <div><dt>Received</dt><dd class="received">${moneyText(r.received)}</dd></div>
    </dl>` : null}
    <p class="detail">${r.detail}</p>
    <details><summary>Event key</summary><code>${r.eventKey}</code></details>
  </li>`;
}

function Reviews() {
  const first = useLoad(() => get('/v1/admin/payments/reviews' + query({ limit: PAGE_SIZE })), []);
  const [more, setMore] = useState({ items: [], next: undefined, busy: false, problem: null });
  useEffect(() => setMore({ items: [], next: undefined, busy: false, problem: null }), [first.data]);
  const next = more.next !== undefined ? more.next : first.data && first.data.nextCursor;
  const loadMore = async () => {
    setMore(m => ({ ...m, busy: true, problem: null }));
    try {
      const page = await get('/v1/admin/payments/reviews' + query({ limit: PAGE_SIZE, cursor: next }));
      setMore(m => ({ items: [...m.items, ...page.reviews], next: page.nextCursor || null, busy: false, problem: null }));
    } catch (p) {
      setMore(m => ({ ...m, busy: false, problem: p }));
    }
  };
  const items = first.data ? [...first.data.reviews, ...more.items] : [];
  const forbidden = first.problem && first.problem.status === 403;
  return html`<section aria-labelledby="reviews-title">
    <h2 id="reviews-title" class=${forbidden ? 'visually-hidden' : ''}>Open reviews <span class="muted">(newest first)</span></h2>
    ${first.loading && !first.data ? html`<${Loading} />` : null}
    <${Problem} problem=${first.problem} />
    <${WhoMay} problem=${first.problem}>${WHO_MAY}</${WhoMay}>
    ${first.data ? html`
      ${items.length === 0 ? html`<p id="reviews-empty"><span class="badge ok">● None</span> Every payment event was applied.</p>`
        : html`<ul class="plain reviews" id="reviews" aria-labelledby="reviews-title">${items.map(r => html`<${Review} key=${r.id} r=${r} />`)}</ul>`}
      <${Problem} problem=${more.problem} />
      ${next ? html`<button type="button" id="reviews-more" disabled=${more.busy} onClick=${loadMore}>Show more</button>` : null}
      <button type="button" class="link" onClick=${first.reload}>Refresh</button>` : null}
  </section>`;
}

function Queued({ answer }) {
  const ids = answer.orderIds || [];
  return html`<p class="notice" role="status" id="reconcile-result">
    ${answer.queued === 0 ? 'No order was pending longer than 15 minutes: nothing to check.'
      : html`Queued ${answer.queued} ${answer.queued === 1 ? 'order' : 'orders'} for a check with Midtrans:${' '}
        ${ids.slice(0, SHOWN_ORDER_IDS).map((id, i) => html`${i ? ', ' : ''}<a href=${'#/orders/' + encodeURIComponent(id)}><code>${id}</code></a>`)}${ids.length > SHOWN_ORDER_IDS ? ' and ' + (ids.length - SHOWN_ORDER_IDS) + ' more' : ''}.
        Each is applied as Midtrans says, as a notification would be; see each order’s timeline.`}</p>`;
}

/** Reconcile now: one click opens the confirm step and makes the action's key; the confirm sends it (a retry reuses it). */
function Reconcile() {
  const [action, setAction] = useState(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const [answer, setAnswer] = useState(null);
  const start = () => { setAction(newAction()); setProblem(null); setAnswer(null); };
  const confirm = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const r = await post('/v1/admin/payments/reconcile', {}, action);
      setAction(null);
      setAnswer(r.body);
    } catch (p) {
      if (!p.retryable) setAction(null);
      setProblem(p);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return html`<section class="card" id="reconcile" aria-labelledby="reconcile-title">
    <h2 id="reconcile-title">Reconcile with Midtrans</h2>
    <p class="muted">For when notifications stop arriving: asks Midtrans about every order pending longer than 15 minutes
      (it also runs every 15 minutes by itself).</p>
    ${action ? html`<div class="confirm" role="group" aria-labelledby="reconcile-confirm-text">
        <p id="reconcile-confirm-text"><strong>Check every order pending longer than 15 minutes with Midtrans now?</strong>${' '}
          An order changes only as Midtrans’s get-status says.</p>
        <button type="button" id="reconcile-confirm" disabled=${busy} onClick=${confirm}>Yes, reconcile now</button>
        <button type="button" class="secondary" id="reconcile-cancel" disabled=${busy} onClick=${() => { setAction(null); setProblem(null); }}>Cancel</button>
      </div>`
      : html`<button type="button" id="reconcile-start" onClick=${start}>Reconcile with Midtrans now…</button>`}
    <${Problem} problem=${problem} />
    ${answer ? html`<${Queued} answer=${answer} />` : null}
  </section>`;
}

function PaymentReviewsPage() {
  return html`<h1>Payment reviews</h1>
    ${hasRole(...ADMINS) ? html`<${Reconcile} />` : null}
    <${Reviews} />`;
}

export default { path: '/payments/reviews', title: 'Payment reviews', Page: PaymentReviewsPage };
