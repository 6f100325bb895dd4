// Payouts: the payout queue (quick filters in the address, so a filtered view is a link to share; paged with the API's
// cursor), one payout's page (its ledger entries, its user's wallet now, its override evidence), and the two buttons
// that act on a payout: Retry (ops, finance) and Request override (finance, super_admin; applied only once a second
// person approves it). Each is one user action with one Idempotency-Key, so a double click retries once.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, query } from '../lib/api.js';
import { user, hasRole } from '../lib/session.js';
import { useUserAction } from '../lib/actions.js';
import { amountText } from '../lib/money.js';
import { copy, useCopied } from '../lib/clipboard.js';
import { useDraft, clearDraft } from '../lib/drafts.js';
import {
  PayoutStatus, Stuck, PAYOUT_STATUSES, PAYOUT_KINDS, FINAL, RETRYABLE, RETRIERS, OVERRIDERS, statusLabel,
  payoutStatusMeaning, shortAddress, payoutAccounts,
} from '../lib/payouts.js';

const WHO_MAY = 'The payout queue is read by ops, finance, super_admin and support; ops and finance retry payouts, '
  + 'finance and super_admin ask for overrides.';
const PAGE_SIZE = 25;
// after a retry the payout's page follows the worker until the payout settles, for about a minute at most
const FOLLOW_EVERY_MS = 2000;
const FOLLOW_AT_MOST = 30;
// the pending approvals read to find an override already asked for this payout (the API's largest page)
const PENDING_READ = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// set when the person pages: the list's title then takes the focus, so reading starts there
let focusTitleOnLoad = false;

// ---- the address: #/payouts?status=&kind=&user=&stuck=true&from=YYYY-MM-DD&to=YYYY-MM-DD&cursor=&limit=

function filtersOf(q) {
  const read = name => ((q && q.get(name)) || '').trim();
  return { status: read('status'), kind: read('kind'), user: read('user'), stuck: read('stuck') === 'true' ? 'true' : '',
    from: read('from'), to: read('to'), cursor: read('cursor'), limit: read('limit') };
}

function link(filters) {
  return '#/payouts' + query(filters);
}

function payoutLink(id) {
  return '#/payouts/' + encodeURIComponent(id);
}

function payoutPath(id) {
  return '/v1/payouts/' + encodeURIComponent(id);
}

function adminPath(id, verb) {
  return '/v1/admin/payouts/' + encodeURIComponent(id) + '/' + verb;
}

/** The list's API query: dates are whole UTC days, from the start of `from` to the end of `to`. */
function apiQuery(f) {
  return query({ status: f.status, kind: f.kind, user: f.user, stuck: f.stuck,
    from: DAY.test(f.from) ? f.from + 'T00:00:00Z' : f.from, to: DAY.test(f.to) ? f.to + 'T23:59:59.999Z' : f.to,
    cursor: f.cursor, limit: f.limit || PAGE_SIZE });
}

function rolesText(roles) {
  return roles && roles.length ? roles.join(', ') : 'no role';
}

function kindLabel(kind) {
  return kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}

// ---- pieces of a payout

/** A destination: the chain, the address shortened (in full on hover, to screen readers, and by Copy). */
function Address({ payout, copied, onCopy, full }) {
  const address = payout.destination.address;
  const id = 'address-' + payout.payoutId.replace(/[^a-zA-Z0-9_-]/g, '-');
  const state = copied && copied.id === id ? copied.ok : null;
  return html`<span class="destination"><code class="chain">${payout.destination.chain}</code>${' '}
    ${full ? html`<code class="address" id=${id}>${address}</code>`
      : html`<span class="addr" title=${address}><code aria-hidden="true">${shortAddress(address)}</code><code class="visually-hidden"
          id=${id}>${address}</code></span>`}
    <button type="button" class="link copy" onClick=${async () => onCopy({ id, ok: await copy(address, document.getElementById(id)) })}>Copy<span
      class="visually-hidden"> the destination address of payout ${payout.payoutId}</span></button>
    <span class="copied" role="status">${state === true ? '✓ Copied' : state === false ? '▲ Not copied: copy it by hand' : ''}</span></span>`;
}


function Seal({ payout }) {
  return payout.sealIntact === false ? html` <span class="badge bad">▲ Seal broken</span>` : null;
}

/** Why this person cannot retry this payout, or null when they can. */
function whyNoRetry(payout) {
  if (!hasRole(...RETRIERS)) {
    return 'Retrying needs the role ops or finance; you are signed in as ' + rolesText(user().roles) + '.';
  }
  if (!RETRYABLE.includes(payout.status)) {
    return 'Only a Failed or Retry scheduled payout can be retried; this one is ' + statusLabel(payout.status) + '.';
  }
  return null;
}

/** Why this person cannot ask for an override of this payout, or null when they can. */
function whyNoOverride(payout) {
  if (!hasRole(...OVERRIDERS)) {
    return 'Asking for an override needs the role finance or super_admin; you are signed in as ' + rolesText(user().roles) + '.';
  }
  if (FINAL.includes(payout.status)) {
    return 'A ' + statusLabel(payout.status) + ' payout is final: there is nothing to override.';
  }
  if (!PAYOUT_STATUSES.includes(payout.status)) {
    return 'Its status is not one Warroom knows (the row was changed outside Warroom): see the runbook “Payout seal broken”.';
  }
  return null;
}

/** What a retry answer says, in one line; the payout view it carries is the payout now. */
function RetryResult({ answer }) {
  const ref = useRef(null);
  useEffect(() => { if (ref.current) ref.current.focus(); }, [answer]);
  if (!answer || !answer.body) return null;
  const p = answer.body;
  return html`<p class="notice" role="status" id="retry-result" tabindex="-1" ref=${ref}>Retry queued: payout${' '}
    <a href=${payoutLink(p.payoutId)}><code>${p.payoutId}</code></a> is <${PayoutStatus} status=${p.status} /> again${p.submission > 1
      ? html` as submission ${p.submission} (a new transfer at the custodian)` : null}; the worker submits it now.</p>`;
}

// ---- the queue

function QuickViews({ filters }) {
  const keep = { kind: filters.kind, user: filters.user, from: filters.from, to: filters.to, limit: filters.limit };
  const views = [
    ['All', { ...keep }, !filters.status && !filters.stuck],
    ['▲ Stuck', { ...keep, stuck: 'true' }, !filters.status && !!filters.stuck],
    ...['FAILED', 'RETRY_SCHEDULED', 'QUARANTINED', 'HELD', 'SUBMITTED'].map(s => [statusLabel(s), { ...keep, status: s },
      filters.status === s && !filters.stuck]),
  ];
  return html`<nav aria-label="Quick views"><ul class="tabs">${views.map(([label, f, current]) => html`<li><a href=${link(f)}
    aria-current=${current ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>`;
}

function Filters({ filters }) {
  const [status, setStatus] = useState(filters.status);
  const [kind, setKind] = useState(filters.kind);
  const [who, setWho] = useState(filters.user);
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const [stuck, setStuck] = useState(!!filters.stuck);
  const submit = e => {
    e.preventDefault();
    // new filters start again at the first page
    location.hash = link({ status, kind, user: who.trim(), stuck: stuck ? 'true' : '', from, to, limit: filters.limit });
  };
  const set = ['status', 'kind', 'user', 'stuck', 'from', 'to'].filter(name => filters[name]).length;
  // on a phone the form starts folded, so the list comes first; the quick views above it cover most days
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 800px)').matches;
  return html`<details class="card filter-panel" open=${wide}>
    <summary><h2 id="payout-filters-title">Filter</h2>${set ? html` <span class="muted">(${set} set)</span>` : null}</summary>
    <form id="payout-filters" onSubmit=${submit} aria-labelledby="payout-filters-title">
    <div class="row">
      <div><label for="filter-status">Status</label>
        <select id="filter-status" name="status" value=${status} onChange=${e => setStatus(e.target.value)}>
          <option value="">Any status</option>
          ${PAYOUT_STATUSES.map(s => html`<option value=${s}>${statusLabel(s)}</option>`)}
        </select></div>
      <div><label for="filter-kind">Kind</label>
        <select id="filter-kind" name="kind" value=${kind} onChange=${e => setKind(e.target.value)}>
          <option value="">Any kind</option>
          ${PAYOUT_KINDS.map(k => html`<option value=${k}>${kindLabel(k)}</option>`)}
        </select></div>
      <div><label for="filter-user">User id</label>
        <input id="filter-user" name="user" autocomplete="off" spellcheck=${false} value=${who} onInput=${e => setWho(e.target.value)} /></div>
    </div>
    <div class="row">
      <div><label for="filter-from">From (UTC day)</label>
        <input id="filter-from" name="from" type="date" value=${from} onInput=${e => setFrom(e.target.value)} /></div>
      <div><label for="filter-to">To (UTC day, included)</label>
        <input id="filter-to" name="to" type="date" value=${to} onInput=${e => setTo(e.target.value)} /></div>
      <div class="check-cell"><label class="check"><input type="checkbox" id="filter-stuck" name="stuck" checked=${stuck}
        onChange=${e => setStuck(e.target.checked)} /> Stuck only</label></div>
    </div>
    <p class="muted hint">Days are those of the request; with a status and no user, of the last change.</p>
    <button type="submit">Show payouts</button>
    ${set ? html`<a class="button-like" href="#/payouts" id="clear-filters">Clear filters</a>` : null}
  </form></details>`;
}

function Row({ p, copied, onCopy, retry, onRetry }) {
  const canRetry = !whyNoRetry(p);
  return html`<tr data-payout-id=${p.payoutId} data-status=${p.status} data-stuck=${String(!!p.stuck)}>
    <td data-label="Payout"><span><a href=${payoutLink(p.payoutId)}><code>${p.payoutId}</code></a><br />
      <span class="muted">${kindLabel(p.kind)}</span></span></td>
    <td data-label="User"><span><a href=${link({ user: p.userId })} title="Only this user’s payouts"><code>${p.userId}</code></a></span></td>
    <td data-label="Amount" class="num amount"><span>${amountText(p.amount, p.asset)}</span></td>
    <td data-label="Destination"><span><${Address} payout=${p} copied=${copied} onCopy=${onCopy} /></span></td>
    <td data-label="Status"><span><${PayoutStatus} status=${p.status} /> <${Stuck} payout=${p} /><${Seal} payout=${p} />
      ${p.reason ? html`<span class="payout-reason">${p.reason}</span>` : null}</span></td>
    <td data-label="Attempts" class="num"><span>${p.attempts}${p.submission > 1 ? html`<br /><span class="muted">submission ${p.submission}</span>` : null}</span></td>
    <td data-label="Rail"><span>${p.railStatus ? html`<code>${p.railStatus}</code>` : html`<span class="muted">—</span>`}${p.railReference
      ? html`<br /><code class="rail-ref" title=${p.railReference}>${p.railReference}</code>` : null}${p.status === 'RETRY_SCHEDULED' && p.nextAttemptAt
      ? html`<br /><span class="muted">next try ${when(p.nextAttemptAt)}</span>` : null}</span></td>
    <td data-label="Updated"><span><time datetime=${p.updatedAt}>${when(p.updatedAt)}</time></span></td>
    <td data-label="Action" class="action"><span>${canRetry ? html`<button type="button" class="retry" disabled=${retry.busy === 'retry:' + p.payoutId}
      onClick=${() => onRetry(p)}><span aria-hidden="true">↻ </span>Retry<span class="visually-hidden"> payout ${p.payoutId}</span></button>`
      : html`<span class="muted">—</span>`}</span></td>
  </tr>`;
}

function roleNote() {
  const notes = [];
  if (!hasRole(...RETRIERS)) notes.push('Retrying needs the role ops or finance');
  if (!hasRole(...OVERRIDERS)) notes.push('asking for an override needs finance or super_admin');
  if (!notes.length) return null;
  const text = notes.join('; ');
  return html`<p class="muted" id="payout-role-note">${text.charAt(0).toUpperCase() + text.slice(1)}; you are signed in as
    ${' ' + rolesText(user().roles)}, so ${notes.length === 2 ? 'this queue is read only for you' : 'those buttons are not shown'}.</p>`;
}

function listTitle(filters) {
  const parts = [];
  if (filters.stuck) parts.push('stuck');
  if (filters.status) parts.push(statusLabel(filters.status).toLowerCase());
  if (filters.kind) parts.push(kindLabel(filters.kind).toLowerCase());
  let title = (parts.length ? parts.join(' ') + ' payouts' : 'Every payout');
  title = title.charAt(0).toUpperCase() + title.slice(1);
  if (filters.user) title += ' of ' + filters.user;
  if (filters.from || filters.to) title += ', ' + (filters.from || '…') + ' to ' + (filters.to || '…');
  return title + (filters.cursor ? ' (a later page)' : '');
}

function Queue({ filters }) {
  const key = link(filters);
  // the answer carries the address it is for, so a page of other filters is never shown under these
  const list = useLoad(() => get('/v1/admin/payouts' + apiQuery(filters)).then(page => ({ key, page })), [key]);
  const page = list.data && list.data.key === key ? list.data.page : null;
  const [retried, setRetried] = useState({});
  const [answer, setAnswer] = useState(null);
  const [copied, setCopied] = useCopied();
  const retry = useUserAction();
  useEffect(() => {
    const title = document.getElementById('payout-list-title');
    if (page && focusTitleOnLoad && title) {
      focusTitleOnLoad = false;
      title.focus();
    }
  }, [page]);
  const onRetry = async p => {
    const a = await retry.send('retry:' + p.payoutId, adminPath(p.payoutId, 'retry'), {});
    if (!a) return;
    setAnswer(a);
    if (a.body) setRetried(r => ({ ...r, [p.payoutId]: a.body }));
  };
  const forbidden = list.problem && list.problem.status === 403;
  const items = page ? page.items.map(p => retried[p.payoutId] || p) : [];
  const paging = () => { focusTitleOnLoad = true; };
  return html`<h1>Payouts</h1>
    ${forbidden ? null : html`<${QuickViews} filters=${filters} /><${Filters} key=${key} filters=${filters} />`}
    ${forbidden ? null : roleNote()}
    ${!page && !list.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    <${WhoMay} problem=${list.problem}>${WHO_MAY}</${WhoMay}>
    ${answer && answer.problem ? html`<div id="retry-problem"><${Problem} problem=${answer.problem} /></div>` : null}
    <${RetryResult} answer=${answer} />
    ${page ? html`<section aria-labelledby="payout-list-title">
      <h2 id="payout-list-title" tabindex="-1">${listTitle(filters)}</h2>
      ${items.length === 0 ? html`<p id="payouts-empty"><span class="badge ok">● None</span> No payouts${page.nextCursor
        ? ' on this page; there are more on the next' : ' match these filters'}.</p>` : html`
      <table class="stack payouts-table" id="payouts">
        <thead><tr><th scope="col">Payout</th><th scope="col">User</th><th scope="col" class="num">Amount</th>
          <th scope="col">Destination</th><th scope="col">Status</th><th scope="col" class="num">Attempts</th>
          <th scope="col">Rail</th><th scope="col">Updated</th><th scope="col">Action</th></tr></thead>
        <tbody>${items.map(p => html`<${Row} key=${p.payoutId} p=${p} copied=${copied} onCopy=${setCopied} retry=${retry} onRetry=${onRetry} />`)}</tbody>
      </table>`}
      <nav class="pager" aria-label="Pages of payouts">
        ${filters.cursor ? html`<a href=${link({ ...filters, cursor: '' })} onClick=${paging}>First page</a>` : null}
        ${page.nextCursor ? html`<a id="payouts-next" href=${link({ ...filters, cursor: page.nextCursor })} onClick=${paging}>Next page</a>`
          : html`<span class="muted">No more payouts.</span>`}
        <button type="button" class="link" id="payouts-refresh" onClick=${() => { setAnswer(null); setRetried({}); list.reload(); }}>Refresh</button>
      </nav>
    </section>` : null}`;
}

// ---- one payout

const ENTRY_KINDS = {
  hold: (a, sub) => html`Held${sub ? ' for submission ' + sub : ''}: <${AccountLink} id=${a.treasury} /> → <${AccountLink} id=${a.pending} />`,
  release: (a, sub) => html`Released${sub ? ' (submission ' + sub + ')' : ''}: <${AccountLink} id=${a.pending} /> → <${AccountLink} id=${a.treasury} />`,
  paid: a => html`Paid out: <${AccountLink} id=${a.pending} /> → <${AccountLink} id=${a.paid} />`,
};

function AccountLink({ id }) {
  return html`<a href=${'#/ledger/' + encodeURIComponent(id)}><code>${id}</code></a>`;
}

function LedgerEntries({ payout }) {
  const accounts = payoutAccounts(payout);
  const entries = payout.ledgerEntries || [];
  return html`<section class="card" aria-labelledby="payout-ledger-title">
    <h2 id="payout-ledger-title">Ledger entries</h2>
    ${entries.length === 0 ? html`<p class="muted" id="payout-ledger-empty">None posted.</p>` : html`
    <ul class="plain payout-entries" id="payout-ledger">${entries.map(id => {
      const m = /^payout-(hold|release|paid):/.exec(id);
      const sub = (/:(\d+)$/.exec(id) || [])[1];
      return html`<li data-entry-id=${id}><code class="entry-id">${id}</code><br />
        <span>${m ? ENTRY_KINDS[m[1]](accounts, sub) : null} <span class="amount">${amountText(payout.amount, payout.asset)}</span></span></li>`;
    })}</ul>`}
    <p class="muted">The treasury account of the destination’s chain and asset pays; while a payout is in flight its amount waits in
      the pending account, so the same balance cannot be paid out twice.</p>
  </section>`;
}

function OverrideEvidence({ evidence }) {
  if (!evidence) return null;
  if (typeof evidence !== 'object') {
    return html`<section class="card" id="override-evidence" aria-labelledby="override-evidence-title">
      <h2 id="override-evidence-title">Override</h2><pre class="payload">${String(evidence)}</pre></section>`;
  }
  return html`<section class="card" id="override-evidence" aria-labelledby="override-evidence-title">
    <h2 id="override-evidence-title">Settled by a two-person override</h2>
    <dl class="facts tight">
      <dt>Action</dt><dd><code>${evidence.action}</code>${evidence.action === 'MARK_CONFIRMED' ? ' — paid outside the rail'
        : evidence.action === 'CANCEL' ? ' — not paid, hold released' : ''}</dd>
      ${evidence.railReference ? html`<dt>Rail reference</dt><dd><code>${evidence.railReference}</code></dd>` : null}
      <dt>Note</dt><dd class="reason">“${evidence.note}”</dd>
      <dt>Asked by</dt><dd><strong>${evidence.requestedBy}</strong></dd>
      <dt>Approved by</dt><dd><strong>${evidence.approvedBy}</strong></dd>
      ${evidence.appliedAt ? html`<dt>Applied</dt><dd>${when(evidence.appliedAt)}</dd>` : null}
      ${evidence.approvalId ? html`<dt>Approval</dt><dd><a href=${'#/approvals/' + encodeURIComponent(evidence.approvalId)}><code>${evidence.approvalId}</code></a></dd>` : null}
    </dl>
  </section>`;
}

/** The user's standing now: their primary wallet (is it still the destination?), its cooling-off and seal. */
function UserWallet({ payout }) {
  const u = useLoad(() => get('/v1/platform/users/' + encodeURIComponent(payout.userId)), [payout.userId]);
  return html`<section class="card" aria-labelledby="payout-user-title">
    <h2 id="payout-user-title">User <code>${payout.userId}</code> now</h2>
    ${u.loading && !u.data ? html`<${Loading} />` : null}
    <${Problem} problem=${u.problem} />
    ${u.data ? html`<dl class="facts tight" id="payout-user">
      <dt>Primary wallet</dt><dd><code>${u.data.primaryWallet.chain}</code> <code class="address">${u.data.primaryWallet.address}</code>
        ${u.data.primaryWallet.chain === payout.destination.chain && u.data.primaryWallet.address === payout.destination.address
          ? html`<span class="badge ok">✓ the destination</span>`
          : html`<span class="badge bad">▲ not the destination</span> <span class="muted">the wallet changed after the request</span>`}</dd>
      <dt>Since</dt><dd>${when(u.data.walletSince)}</dd>
      ${u.data.coolingOffUntil ? html`<dt>Cooling off until</dt><dd>${when(u.data.coolingOffUntil)}</dd>` : null}
      <dt>KYC</dt><dd>${u.data.kycStatus}${u.data.kycReason ? ': ' + u.data.kycReason : ''}${u.data.bluecheck ? ' · blue check' : ''}</dd>
      <dt>Wallet seal</dt><dd>${u.data.sealIntact ? html`<span class="badge ok">● Intact</span>`
        : html`<span class="badge bad">▲ Broken</span> <span class="muted">changed outside Warroom: payouts to it are quarantined</span>`}</dd>
    </dl>` : null}
  </section>`;
}

/** PAYOUT_OVERRIDE requests still waiting for a decision on this payout (among the newest pending ones). */
function usePendingOverrides(payoutId, tick) {
  const readable = hasRole('super_admin', 'ops', 'finance');
  return useLoad(() => readable
    ? get('/v1/admin/approvals' + query({ status: 'PENDING', limit: PENDING_READ })).then(page => page.approvals.filter(a =>
      a.action === 'PAYOUT_OVERRIDE' && a.payload && a.payload.payoutId === payoutId))
    : Promise.resolve([]), [payoutId, tick]);
}

function OverrideForm({ payout, onRequested }) {
  const id = payout.payoutId;
  const [kind, setKind] = useDraft('payouts.override.action.' + id, 'MARK_CONFIRMED');
  const [reference, setReference] = useDraft('payouts.override.reference.' + id, '');
  const [note, setNote] = useDraft('payouts.override.note.' + id, '');
  const sender = useUserAction();
  const [problem, setProblem] = useState(null);
  const named = field => !!problem && (problem.errors || []).some(e => e.field === field) ? 'true' : undefined;
  const submit = async e => {
    e.preventDefault();
    // the API checks the fields (a reference for MARK_CONFIRMED, a note for both) and names the one that is wrong
    const body = kind === 'MARK_CONFIRMED' ? { action: kind, railReference: reference.trim(), note: note.trim() }
      : { action: kind, note: note.trim() };
    const a = await sender.send('override', adminPath(id, 'override'), body);
    if (!a) return;
    setProblem(a.problem || null);
    if (a.body) {
      ['action', 'reference', 'note'].forEach(f => clearDraft('payouts.override.' + f + '.' + id));
      onRequested(a.body);
    }
  };
  return html`<form id="override-form" class="decide-form" onSubmit=${submit} aria-labelledby="override-title">
    <h3 id="override-title">Request override</h3>
    <p class="muted">For a payout the rail cannot settle. A second person (finance or super_admin, one of you two a super_admin)
      approves it in the approvals inbox; only then is the payout changed.</p>
    <fieldset>
      <legend>What should happen</legend>
      <label class="radio"><input type="radio" name="override-action" id="override-mark-confirmed" value="MARK_CONFIRMED"
        checked=${kind === 'MARK_CONFIRMED'} onChange=${() => setKind('MARK_CONFIRMED')} />
        <span><strong>Mark confirmed</strong>: the money went out another way; give the transfer’s reference</span></label>
      <label class="radio"><input type="radio" name="override-action" id="override-cancel" value="CANCEL"
        checked=${kind === 'CANCEL'} onChange=${() => setKind('CANCEL')} />
        <span><strong>Cancel</strong>: it will not be paid; its hold goes back to the treasury</span></label>
    </fieldset>
    ${kind === 'MARK_CONFIRMED' ? html`<label for="override-reference">Rail reference of the transfer (required)</label>
      <input id="override-reference" name="railReference" autocomplete="off" spellcheck=${false} aria-required="true" maxlength="200"
        aria-invalid=${named('railReference')} value=${reference} onInput=${e => setReference(e.target.value)} />` : null}
    <label for="override-note">Note: the evidence, what you checked (required, up to 1000 characters)</label>
    <textarea id="override-note" name="note" rows="3" aria-required="true" maxlength="1000" aria-invalid=${named('note')}
      value=${note} onInput=${e => setNote(e.target.value)}></textarea>
    <button type="submit" id="override-submit" disabled=${sender.busy === 'override'}>Request override</button>
    <${Problem} problem=${problem} />
  </form>`;
}

function PendingOverride({ approvals }) {
  const me = user();
  return html`<div class="notice" id="override-pending" role="status">${approvals.map(a => html`<p>
    <strong>Override waiting for a decision:</strong>${' '}<a href=${'#/approvals/' + encodeURIComponent(a.id)}>${a.payload.action === 'CANCEL'
      ? 'cancel' : 'mark confirmed'} (request <code>${a.id.slice(0, 8)}</code>)</a>, asked by <strong>${a.requestedBy}</strong>${' '}
    ${when(a.requestedAt)}.${' '}${me && me.sub === a.requestedBy
      ? 'You asked for it: someone else (finance or super_admin) must decide in the approvals inbox.'
      : 'Decide it in the approvals inbox (never the person who asked).'}</p>`)}</div>`;
}

function Actions({ payout, retry, onRetry, pending, onRequested, requested }) {
  const noRetry = whyNoRetry(payout);
  const noOverride = whyNoOverride(payout);
  const waiting = pending.data && pending.data.length ? pending.data : null;
  return html`<section class="card" id="payout-actions" aria-labelledby="payout-actions-title">
    <h2 id="payout-actions-title">Actions</h2>
    <div class="action-row">
      ${noRetry ? html`<p id="cannot-retry"><strong>Retry:</strong> ${noRetry}</p>` : html`<p>
        <button type="button" class="retry" id="retry-button" disabled=${retry.busy === 'retry:' + payout.payoutId}
          onClick=${() => onRetry(payout)}><span aria-hidden="true">↻ </span>Retry</button>
        <span class="muted">${payout.status === 'FAILED' ? 'Holds its amount again and submits it as a new try.'
          : 'Tries it now instead of waiting for its next try.'}</span></p>`}
    </div>
    ${requested ? html`<p class="notice" role="status" id="override-requested">Override requested: approval${' '}
      <a href=${'#/approvals/' + encodeURIComponent(requested.approvalId)}><code>${requested.approvalId}</code></a> is${' '}
      ${String(requested.status || 'PENDING').toLowerCase()}. A second person (finance or super_admin) decides it in the approvals inbox.</p>` : null}
    ${noOverride ? html`<p id="cannot-override"><strong>Override:</strong> ${noOverride}</p>`
      : requested ? null
        : waiting ? html`<${PendingOverride} approvals=${waiting} />`
          : html`<${OverrideForm} payout=${payout} onRequested=${onRequested} />`}
  </section>`;
}

function Fact({ term, children }) {
  return html`<dt>${term}</dt><dd>${children}</dd>`;
}

function Detail({ id }) {
  const loaded = useLoad(() => get(payoutPath(id)), [id]);
  const [latest, setLatest] = useState(null);
  const [answer, setAnswer] = useState(null);
  const [requested, setRequested] = useState(null);
  const [tick, setTick] = useState(0);
  const [copied, setCopied] = useCopied();
  const follows = useRef(-1);
  const retry = useUserAction();
  const pending = usePendingOverrides(id, tick);
  const p = latest || loaded.data;
  // after a retry: follow the worker until the payout settles (reads only)
  useEffect(() => {
    if (follows.current < 0 || !p || FINAL.includes(p.status) || follows.current >= FOLLOW_AT_MOST) return undefined;
    const t = setTimeout(async () => {
      follows.current += 1;
      try {
        setLatest(await get(payoutPath(id)));
      } catch {
        // the next read, or Refresh, shows it
      }
    }, FOLLOW_EVERY_MS);
    return () => clearTimeout(t);
  }, [p]);
  const onRetry = async payout => {
    const a = await retry.send('retry:' + payout.payoutId, adminPath(payout.payoutId, 'retry'), {});
    if (!a) return;
    setAnswer(a);
    if (a.body) {
      follows.current = 0;
      setLatest(a.body);
    }
  };
  const onRequested = receipt => {
    setRequested(receipt);
    setTick(t => t + 1);
  };
  const refresh = () => { setLatest(null); setAnswer(null); loaded.reload(); setTick(t => t + 1); };
  return html`<p><a href="#/payouts">← Payout queue</a></p>
    <h1>Payout <code>${id}</code></h1>
    ${!p && !loaded.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${loaded.problem} />
    <${WhoMay} problem=${loaded.problem}>${WHO_MAY}</${WhoMay}>
    ${answer && answer.problem ? html`<div id="retry-problem"><${Problem} problem=${answer.problem} /></div>` : null}
    <${RetryResult} answer=${answer} />
    ${p ? html`
      ${p.sealIntact === false ? html`<div class="problem" role="alert" id="payout-tampered"><strong>▲ Seal broken:</strong> this payout’s
        user, destination, amount, asset or kind was changed outside Warroom. Nothing is submitted for it; see the runbook
        “Payout seal broken”.</div>` : null}
      <section class="card" aria-labelledby="payout-title">
        <div class="approval-head"><${PayoutStatus} status=${p.status} /> <${Stuck} payout=${p} /><${Seal} payout=${p} />
          <span class="tag">${p.kind}</span></div>
        <h2 id="payout-title"><span class="payout-amount">${amountText(p.amount, p.asset)}</span> to <code>${p.userId}</code></h2>
        <p id="payout-meaning">${p.status === 'CONFIRMED' && p.override ? 'paid outside the rail: settled by a two-person override (its evidence is below)'
          : payoutStatusMeaning(p.status)}${p.stuck ? '; it has been in this state longer than it should' : ''}.</p>
        <dl class="facts tight" id="payout-facts">
          ${p.reason ? html`<${Fact} term="Reason"><span class="payout-reason">${p.reason}</span></${Fact}>` : null}
          <${Fact} term="User"><a href=${link({ user: p.userId })}><code>${p.userId}</code></a> <span class="muted">(their payouts)</span></${Fact}>
          <${Fact} term="Destination"><${Address} payout=${p} copied=${copied} onCopy=${setCopied} full=${true} /></${Fact}>
          <${Fact} term="Reference"><code>${p.reference}</code>${p.roundId ? html` <span class="muted">round</span> <code>${p.roundId}</code>` : null}</${Fact}>
          <${Fact} term="Attempts">${p.attempts} <span class="muted">of submission ${p.submission}${p.submission > 1
            ? ' (the rail’s external id is ' + p.payoutId + '~r' + p.submission + ')' : ''}</span></${Fact}>
          ${p.nextAttemptAt ? html`<${Fact} term=${p.status === 'HELD' ? 'Held until' : 'Next try'}>${when(p.nextAttemptAt)}</${Fact}>` : null}
          <${Fact} term="Rail status">${p.railStatus ? html`<code>${p.railStatus}</code>` : html`<span class="muted">not at the rail</span>`}</${Fact}>
          ${p.railReference ? html`<${Fact} term="Rail reference"><code>${p.railReference}</code></${Fact}>` : null}
          ${p.txHash ? html`<${Fact} term="Transaction hash"><code>${p.txHash}</code></${Fact}>` : null}
          <${Fact} term="Asked by"><code>${p.requestedBy || 'the platform'}</code></${Fact}>
          <${Fact} term="Created">${when(p.createdAt)}</${Fact}>
          <${Fact} term="Last change">${when(p.updatedAt)}</${Fact}>
          <${Fact} term="Audit"><a href=${'#/audit' + query({ target: 'payout:' + p.payoutId })}>Changes to this payout</a></${Fact}>
        </dl>
        <button type="button" class="link" id="payout-refresh" onClick=${refresh}>Refresh</button>
      </section>
      <${Actions} payout=${p} retry=${retry} onRetry=${onRetry} pending=${pending} onRequested=${onRequested} requested=${requested} />
      <${OverrideEvidence} evidence=${p.override} />
      <${LedgerEntries} payout=${p} />
      <${UserWallet} payout=${p} />` : null}`;
}

function PayoutsPage({ params, query: q }) {
  if (params.id) return html`<${Detail} key=${params.id} id=${params.id} />`;
  return html`<${Queue} filters=${filtersOf(q)} />`;
}

export default { path: '/payouts', alsoAt: ['/payouts/:id'], title: 'Payouts', Page: PayoutsPage };
