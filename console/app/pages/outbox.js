// Outbox: the notifications by delivery status (FAILED first: every retry used up), and requeueing failed ones, one or
// the selected ones, each requeue one user action with one Idempotency-Key, so a double click requeues once.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, post, newAction, query } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { OutboxStatus, OUTBOX_STATUSES, outboxStatusMeaning } from '../lib/outbox.js';

const ADMINS = ['ops', 'super_admin'];
const WHO_MAY = 'The outbox is read and requeued by ops and super_admin.';
const PAGE_SIZE = 25;
// the API takes 1–50 ids per requeue
const MOST_PER_REQUEUE = 50;

function statusLink(status) {
  return status === 'FAILED' ? '#/outbox' : '#/outbox' + query({ status });
}

function label(status) {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

/**
 * Requeueing as user actions: a click makes the action's key, a retry of the same action after a lost answer or a
 * 5xx keeps it, and a second click while the first is on its way does nothing (its answer is the first one's).
 */
function useRequeue(onAnswer) {
  const pending = useRef(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(null);
  const send = async (name, ids) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const same = pending.current && pending.current.name === name && pending.current.ids.join('\n') === ids.join('\n');
    pending.current = same ? pending.current : { name, ids, action: newAction() };
    setBusy(name);
    try {
      const r = await post('/v1/admin/outbox/requeue', { ids }, pending.current.action);
      pending.current = null;
      onAnswer({ name, body: r.body });
    } catch (p) {
      if (!p.retryable) pending.current = null;
      onAnswer({ name, problem: p });
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };
  return { send, busy };
}

/** Why the API skipped an id: "not FAILED (it is SENT)", or no such item. */
function skippedBecause(s) {
  if (!s.status && s.reason === 'unknown') return 'no such item in the outbox';
  return s.reason + (s.status ? ' (it is ' + s.status + ')' : '');
}

function Result({ answer }) {
  if (!answer || !answer.body) return null;
  const { requeued = [], skipped = [] } = answer.body;
  return html`<div class="notice" role="status" id="requeue-result">
    ${requeued.length ? html`<p><strong>Requeued ${requeued.length}:</strong> ${requeued.map((id, i) => html`${i ? ', ' : ''}<code>${id}</code>`)}.
      ${requeued.length === 1 ? ' It is' : ' They are'} pending again; the sender tries now.</p>` : null}
    ${skipped.length ? html`<p><strong>Skipped ${skipped.length}:</strong></p>
      <ul>${skipped.map(s => html`<li><code>${s.id}</code>: ${skippedBecause(s)}</li>`)}</ul>` : null}
    ${!requeued.length && !skipped.length ? html`<p>Nothing was requeued.</p>` : null}
  </div>`;
}

function Item({ item, admin, selected, onSelect, requeue, done }) {
  const failed = item.status === 'FAILED' && !done;
  const name = 'item:' + item.id;
  const checkId = 'select-' + item.id.replace(/[^a-zA-Z0-9_-]/g, '-');
  return html`<li class="card outbox-item" data-id=${item.id} data-status=${item.status}>
    <div class="outbox-head">
      ${admin && failed ? html`<input type="checkbox" id=${checkId} class="select" checked=${selected}
        onChange=${e => onSelect(item.id, e.target.checked)} />` : null}
      ${admin && failed ? html`<label for=${checkId} class="item-title"><code>${item.id}</code></label>`
        : html`<span class="item-title"><code>${item.id}</code></span>`}
      ${done ? html`<span class="badge ok">↻ Requeued</span>` : html`<${OutboxStatus} status=${item.status} />`}
    </div>
    <dl class="facts tight">
      ${item.ticketId ? html`<dt>Ticket</dt><dd><code>${item.ticketId}</code></dd>`
        : html`<dt>Order</dt><dd><a href=${'#/orders/' + encodeURIComponent(item.orderId)}><code>${item.orderId}</code></a></dd>`}
      <dt>What</dt><dd><code>${item.kind}</code>${item.channel ? html` by ${item.channel}` : null}</dd>
      <dt>Attempts</dt><dd>${item.attempts}<span class="muted">: ${done ? 'pending again, the sender tries now' : outboxStatusMeaning(item.status)}</span></dd>
      ${item.lastError ? html`<dt>Last error</dt><dd class="last-error">${item.lastError}</dd>` : null}
      <dt>Created</dt><dd>${when(item.createdAt)}</dd>
      <dt>Last change</dt><dd>${when(item.updatedAt)}</dd>
    </dl>
    ${admin && failed ? html`<button type="button" class="requeue" disabled=${requeue.busy === name}
      onClick=${() => requeue.send(name, [item.id])}><span aria-hidden="true">↻ </span>Requeue<span class="visually-hidden"> ${item.id}</span></button>` : null}
  </li>`;
}

function Outbox({ status }) {
  const first = useLoad(() => get('/v1/admin/outbox' + query({ status, limit: PAGE_SIZE })), [status]);
  const [more, setMore] = useState({ items: [], next: undefined, busy: false, problem: null });
  const [selected, setSelected] = useState([]);
  const [answer, setAnswer] = useState(null);
  const [done, setDone] = useState([]);
  useEffect(() => {
    setMore({ items: [], next: undefined, busy: false, problem: null });
    setSelected([]);
    setDone([]);
  }, [status, first.data]);
  const requeue = useRequeue(a => {
    setAnswer(a);
    if (a.body) {
      const requeued = a.body.requeued || [];
      setDone(d => [...d, ...requeued]);
      setSelected(s => s.filter(id => !requeued.includes(id)));
    }
  });
  const next = more.next !== undefined ? more.next : first.data && first.data.nextCursor;
  const loadMore = async () => {
    setMore(m => ({ ...m, busy: true, problem: null }));
    try {
      const page = await get('/v1/admin/outbox' + query({ status, limit: PAGE_SIZE, cursor: next }));
      setMore(m => ({ items: [...m.items, ...page.items], next: page.nextCursor || null, busy: false, problem: null }));
    } catch (p) {
      setMore(m => ({ ...m, busy: false, problem: p }));
    }
  };
  const items = first.data ? [...first.data.items, ...more.items] : [];
  const admin = hasRole(...ADMINS);
  const requeueable = items.filter(i => i.status === 'FAILED' && !done.includes(i.id)).map(i => i.id);
  const onSelect = (id, on) => setSelected(s => on ? [...s.filter(x => x !== id), id] : s.filter(x => x !== id));
  const allSelected = requeueable.length > 0 && requeueable.every(id => selected.includes(id));
  const tooMany = selected.length > MOST_PER_REQUEUE;
  return html`<h1>Outbox</h1>
    <nav aria-label="Status"><ul class="tabs">${OUTBOX_STATUSES.map(s => html`<li><a href=${statusLink(s)}
      aria-current=${s === status ? 'page' : undefined}>${label(s)}</a></li>`)}</ul></nav>
    <h2 id="outbox-list-title">${label(status)} notifications</h2>
    ${first.loading && !first.data ? html`<${Loading} />` : null}
    <${Problem} problem=${first.problem} />
    <${WhoMay} problem=${first.problem}>${WHO_MAY}</${WhoMay}>
    ${first.data ? html`
      ${admin && requeueable.length ? html`<div class="toolbar" id="outbox-toolbar">
        <label class="check"><input type="checkbox" id="select-all" checked=${allSelected}
          onChange=${e => setSelected(e.target.checked ? requeueable : [])} /> Select all ${requeueable.length} shown</label>
        <button type="button" id="requeue-selected" disabled=${selected.length === 0 || tooMany || requeue.busy === 'selected'}
          onClick=${() => requeue.send('selected', [...selected].sort())}><span aria-hidden="true">↻ </span>Requeue selected (${selected.length})</button>
        ${tooMany ? html`<span class="muted">At most ${MOST_PER_REQUEUE} at a time.</span>` : null}
      </div>` : null}
      <${Problem} problem=${answer && answer.problem} />
      <${Result} answer=${answer} />
      ${items.length === 0 ? html`<p id="outbox-empty"><span class="badge ok">● None</span> No ${label(status).toLowerCase()} notifications.</p>`
        : html`<ul class="plain outbox" id="outbox-items" aria-labelledby="outbox-list-title">${items.map(i => html`<${Item} key=${i.id}
            item=${i} admin=${admin} selected=${selected.includes(i.id)} onSelect=${onSelect} requeue=${requeue} done=${done.includes(i.id)} />`)}</ul>`}
      <${Problem} problem=${more.problem} />
      ${next ? html`<button type="button" id="outbox-more" disabled=${more.busy} onClick=${loadMore}>Show more</button>` : null}
      <button type="button" class="link" id="outbox-refresh" onClick=${() => { setAnswer(null); first.reload(); }}>Refresh</button>` : null}`;
}

function OutboxPage({ query: q }) {
  const asked = (q && q.get('status')) || 'FAILED';
  const status = OUTBOX_STATUSES.includes(asked) ? asked : 'FAILED';
  return html`<${Outbox} key=${status} status=${status} />`;
}

export default { path: '/outbox', title: 'Outbox', Page: OutboxPage };
