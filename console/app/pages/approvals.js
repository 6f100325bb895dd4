// Approvals: the inbox (pending first, then any other status), one request in full, and approve / reject. The
// buttons appear only for people the two-person rules let decide; the API still decides (its problems are shown).
import { html, useState, useEffect, Problem, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, post, newAction, query } from '../lib/api.js';
import { user, hasRole } from '../lib/session.js';
import { useDraft, clearDraft } from '../lib/drafts.js';

const STATUSES = ['PENDING', 'APPROVED', 'APPLIED', 'REJECTED', 'EXPIRED', 'FAILED'];
const READERS = ['super_admin', 'ops', 'finance'];
const PAGE_SIZE = 25;
// "not waiting for a decision yet" (503, nothing written) lasts a second or so after a request: retried with the same key
const NOT_READY_RETRIES = 5;
// after a decision the page follows the workflow until it closes the request, for about a minute at most
const FOLLOW_EVERY_MS = 1500;
const FOLLOW_AT_MOST = 40;

const BADGES = {
  PENDING: ['warn', '◷ Pending'],
  APPROVED: ['ok', '✓ Approved'],
  APPLIED: ['ok', '● Applied'],
  REJECTED: ['bad', '✕ Rejected'],
  EXPIRED: ['neutral', '○ Expired'],
  FAILED: ['bad', '■ Failed'],
};

function StatusBadge({ status }) {
  const [kind, text] = BADGES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${kind}">${text}</span>`;
}

function utc(iso) {
  const t = new Date(iso);
  return isNaN(t) ? String(iso) : t.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Time left as a person reads it, to the second under a day: "23 h 59 min 12 s". */
function duration(ms) {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor(s % 86400 / 3600);
  const m = Math.floor(s % 3600 / 60);
  if (d > 0) return d + ' d ' + h + ' h';
  if (h > 0) return h + ' h ' + m + ' min ' + (s % 60) + ' s';
  return m > 0 ? m + ' min ' + (s % 60) + ' s' : (s % 60) + ' s';
}

function useNow(everyMs) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** The time left before a pending request expires, ticking. */
function Countdown({ until }) {
  const now = useNow(1000);
  const left = new Date(until).getTime() - now;
  if (isNaN(left)) return html`<span>${until}</span>`;
  if (left <= 0) {
    return html`<span class="countdown"><span class="badge neutral">○ Expired</span> at ${utc(until)}; it can no longer be decided</span>`;
  }
  return html`<span class="countdown"><time datetime=${until} class=${left < 3600000 ? 'soon' : ''}>${left < 3600000 ? '▲ ' : ''}${duration(left)} left</time>
    <span class="muted"> (until ${utc(until)})</span></span>`;
}

function rolesText(roles) {
  return roles && roles.length ? roles.join(', ') : 'no role';
}

function scopeText(scope) {
  if (scope === 'global') return html`everyone (<code>global</code>)`;
  const m = /^(round|user):(.+)$/.exec(scope || '');
  return m ? html`${m[1]} <code>${m[2]}</code>` : html`<code>${String(scope)}</code>`;
}

function percent(bps) {
  return Number.isInteger(bps) ? (bps / 100) + '%' : String(bps);
}

/** Minor units as the currency writes them (1000 USD → 10.00 USD), with integer arithmetic only. */
function money(amount) {
  if (!amount || !Number.isInteger(amount.minor)) return JSON.stringify(amount);
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: amount.currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    // an unknown code: two decimals, as most currencies have
  }
  if (digits === 0) return amount.minor + ' ' + amount.currency;
  const unit = 10 ** digits;
  return Math.floor(amount.minor / unit) + '.' + String(amount.minor % unit).padStart(digits, '0') + ' ' + amount.currency;
}

function feeText(rule) {
  if (!rule || typeof rule !== 'object') return 'a new rule';
  const charge = rule.kind === 'percentage' ? percent(rule.rateBps) + ' of the amount'
    : rule.kind === 'flat' ? money(rule.amount) + ' flat' : rule.kind;
  const splits = Array.isArray(rule.splits) ? rule.splits.map(s => s.to + ' ' + percent(s.bps)).join(', ') : '';
  return charge + (splits ? ', split ' + splits : '');
}

const CONFIG_CHANGES = {
  'treasury.set': p => html`set the <code>${p.asset}</code> treasury wallet on <code>${p.chain}</code> to <code>${p.address}</code>`,
  'network.upsert': p => html`add or update network <code>${p.chain}</code> (${p.name}, native asset ${p.nativeAsset},
    RPC secret <code>${p.rpcSecretName}</code>)`,
  'network.remove': p => html`remove network <code>${p.chain}</code>`,
  'fee_rule.set': p => html`set fee rule <code>${p.id}</code> to ${feeText(p.rule)}`,
  'exp_rewards.set': p => {
    const rewards = p.expRewards && typeof p.expRewards === 'object' ? p.expRewards : {};
    return html`set the EXP a fixed bug earns to ${['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].map(k => k + ' ' + rewards[k]).join(', ')}`;
  },
  'roster.set': p => {
    const members = Array.isArray(p.roster) ? p.roster : [];
    const shown = members.slice(0, 5).map(m => m.email + ' (' + rolesText(m.roles) + ')').join('; ');
    return html`replace the admin roster with ${members.length} members: ${shown}${members.length > 5 ? '; and ' + (members.length - 5) + ' more' : ''}`;
  },
};

/** What a request asks for, in words; the payload itself is on the request's page. */
function describe(a) {
  const p = a.payload;
  if (!p || typeof p !== 'object') {
    return html`<code>${a.action}</code>, with a payload that is not JSON (see the request)`;
  }
  switch (a.action) {
    case 'ENABLE_FUND_FLAG':
      return html`Re-enable <code>${p.flag}</code> for ${scopeText(p.scope)}`;
    case 'CONFIG_CHANGE': {
      const change = CONFIG_CHANGES[p.kind];
      return change && p.payload && typeof p.payload === 'object'
        ? html`Config change <code>${p.kind}</code>: ${change(p.payload)}`
        : html`Config change <code>${String(p.kind)}</code> (see the payload)`;
    }
    case 'SCAN_OVERRIDE':
      return html`Let <code>${p.subject}</code> through despite its risk scan`;
    case 'PAYOUT_OVERRIDE':
      return p.action === 'CANCEL'
        ? html`Cancel payout <code>${p.payoutId}</code> and release its hold`
        : html`Mark payout <code>${p.payoutId}</code> confirmed (paid outside the rail)`;
    default:
      return html`<code>${a.action}</code> (see the payload)`;
  }
}

/**
 * The evidence a request carries, for the actions that have some: a payout override's payout (linked), what it does,
 * the rail reference of the transfer made outside the rail, the note, and the payout's status when it was asked.
 */
function Evidence({ a }) {
  const p = a.payload;
  if (a.action !== 'PAYOUT_OVERRIDE' || !p || typeof p !== 'object') return null;
  return html`<dl class="facts tight evidence">
    <dt>Payout</dt><dd><a href=${'#/payouts/' + encodeURIComponent(p.payoutId)}><code>${p.payoutId}</code></a>${p.payoutStatusSeen
      ? html` <span class="muted">(${p.payoutStatusSeen} when asked)</span>` : null}</dd>
    <dt>Action</dt><dd><code>${p.action}</code></dd>
    ${p.railReference ? html`<dt>Rail reference</dt><dd><code>${p.railReference}</code></dd>` : null}
    <dt>Note</dt><dd class="reason">“${p.note}”</dd>
  </dl>`;
}

function isMine(a) {
  const me = user();
  return !!me && me.sub === a.requestedBy;
}

function Row({ a }) {
  const href = '#/approvals/' + encodeURIComponent(a.id);
  if (a.unreadable) {
    return html`<li class="card approval" data-approval-id=${a.id}>
      <div class="approval-head"><span class="badge bad">▲ Unreadable</span>
        <h3><a href=${href}>Request <code>${a.id}</code></a></h3></div>
      <p>${a.problem}</p>
    </li>`;
  }
  return html`<li class="card approval" data-approval-id=${a.id}>
    <div class="approval-head"><${StatusBadge} status=${a.status} /> <span class="tag">${a.action}</span></div>
    <h3><a href=${href}>${describe(a)}</a></h3>
    <${Evidence} a=${a} />
    <p class="muted">Asked by <strong>${a.requestedBy}</strong> (${rolesText(a.requestedByRoles)}) · ${when(a.requestedAt)}
      ${isMine(a) ? html` · <strong>you asked for this</strong>` : null}</p>
    ${a.status === 'PENDING'
      ? html`<p>Expires: <${Countdown} until=${a.expiresAt} /></p>`
      : html`<p>${a.decidedBy ? html`Decided by <strong>${a.decidedBy}</strong> (${rolesText(a.decidedByRoles)}) · ${when(a.decidedAt)}` : null}
          ${a.outcome ? html`<br />Outcome: ${a.outcome}` : null}</p>`}
  </li>`;
}

function Inbox({ status }) {
  const first = useLoad(() => get('/v1/admin/approvals' + query({ status, limit: PAGE_SIZE })), [status]);
  const [more, setMore] = useState({ items: [], next: undefined, busy: false, problem: null });
  useEffect(() => setMore({ items: [], next: undefined, busy: false, problem: null }), [status, first.data]);
  const next = more.next !== undefined ? more.next : first.data && first.data.next;
  const loadMore = async () => {
    setMore(m => ({ ...m, busy: true, problem: null }));
    try {
      const page = await get('/v1/admin/approvals' + query({ status, limit: PAGE_SIZE, next }));
      setMore(m => ({ items: [...m.items, ...page.approvals], next: page.next, busy: false, problem: null }));
    } catch (p) {
      setMore(m => ({ ...m, busy: false, problem: p }));
    }
  };
  const items = first.data ? [...first.data.approvals, ...more.items] : [];
  const label = status.charAt(0) + status.slice(1).toLowerCase();
  return html`<h1>Approvals</h1>
    <nav aria-label="Status"><ul class="tabs">${STATUSES.map(s => html`<li><a href=${s === 'PENDING' ? '#/approvals' : '#/approvals/status/' + s}
      aria-current=${s === status ? 'page' : undefined}>${s.charAt(0) + s.slice(1).toLowerCase()}</a></li>`)}</ul></nav>
    ${hasRole(...READERS) ? null : html`<p class="muted" id="approvals-role-note">Approval requests are read and decided by
      super_admin, ops and finance; you are signed in as ${rolesText(user().roles)}, so there is nothing to decide here.</p>`}
    <h2 id="approvals-list-title">${label} requests</h2>
    ${first.loading && !first.data ? html`<${Loading} />` : null}
    <${Problem} problem=${first.problem} />
    ${first.data ? html`
      ${items.length === 0 ? html`<p id="approvals-empty"><span class="badge ok">● None</span> No ${label.toLowerCase()} requests.</p>`
        : html`<ul class="approvals" aria-labelledby="approvals-list-title">${items.map(a => html`<${Row} key=${a.id} a=${a} />`)}</ul>`}
      <${Problem} problem=${more.problem} />
      ${next ? html`<button type="button" id="approvals-more" disabled=${more.busy} onClick=${loadMore}>Show more</button>` : null}
      <button type="button" class="link" onClick=${first.reload}>Refresh</button>` : null}`;
}

/** One decision (approve or reject) as one user action: one Idempotency-Key for every try of it. */
function useDecision(id, verb, onAnswer) {
  const action = useRef(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const send = async (body, whenDone) => {
    // a double click: the first click's request answers for both
    if (inFlight.current) return;
    inFlight.current = true;
    action.current = action.current || newAction();
    setBusy(true);
    onAnswer({ verb, busy: true });
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await post('/v1/admin/approvals/' + encodeURIComponent(id) + '/' + verb, body, action.current);
          action.current = null;
          whenDone();
          onAnswer({ verb, body: r.body });
          return;
        } catch (p) {
          if (p.status === 503 && attempt < NOT_READY_RETRIES) {
            await new Promise(resolve => setTimeout(resolve, 1000 * (attempt + 1)));
            continue;
          }
          if (!p.retryable) action.current = null;
          onAnswer({ verb, problem: p });
          return;
        }
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { send, busy };
}

function fieldNamed(problem, field) {
  return !!problem && (problem.errors || []).some(e => e.field === field);
}

function ApproveForm({ view, answer, onAnswer }) {
  const [comment, setComment] = useDraft('approvals.comment.' + view.id, '');
  const decision = useDecision(view.id, 'approve', onAnswer);
  const problem = answer && answer.verb === 'approve' ? answer.problem : null;
  const submit = e => {
    e.preventDefault();
    const text = comment.trim();
    // payloadHash: approve exactly the payload shown on this page
    decision.send(text ? { comment: text, payloadHash: view.payloadHash } : { payloadHash: view.payloadHash },
      () => { clearDraft('approvals.comment.' + view.id); setComment(''); });
  };
  return html`<form class="decide-form" id="approve-form" onSubmit=${submit} aria-labelledby="approve-title">
    <h3 id="approve-title">Approve</h3>
    <p class="muted">You approve exactly the payload shown below: its hash goes with your approval.</p>
    <label for="approve-comment">Comment (optional, up to 500 characters)</label>
    <textarea id="approve-comment" name="comment" rows="2" maxlength="500" value=${comment}
      aria-invalid=${fieldNamed(problem, 'comment') ? 'true' : undefined} onInput=${e => setComment(e.target.value)}></textarea>
    <button type="submit" id="approve-button" disabled=${decision.busy}>✓ Approve</button>
    <${Problem} problem=${problem} />
  </form>`;
}

function RejectForm({ view, answer, onAnswer }) {
  const [reason, setReason] = useDraft('approvals.reason.' + view.id, '');
  const decision = useDecision(view.id, 'reject', onAnswer);
  const problem = answer && answer.verb === 'reject' ? answer.problem : null;
  const submit = e => {
    e.preventDefault();
    // the API checks the reason (10–500 characters) and names the field when it is not
    decision.send({ reason: reason.trim() }, () => { clearDraft('approvals.reason.' + view.id); setReason(''); });
  };
  return html`<form class="decide-form" id="reject-form" onSubmit=${submit} aria-labelledby="reject-title">
    <h3 id="reject-title">Reject</h3>
    <label for="reject-reason">Reason (required, 10–500 characters)</label>
    <textarea id="reject-reason" name="reason" rows="2" aria-required="true" value=${reason}
      aria-invalid=${fieldNamed(problem, 'reason') ? 'true' : undefined} onInput=${e => setReason(e.target.value)}></textarea>
    <button type="submit" id="reject-button" class="danger" disabled=${decision.busy}>✕ Reject</button>
    <${Problem} problem=${problem} />
  </form>`;
}

/** Why this person sees no button, or the buttons they may use. */
function DecidePanel({ view, answer, onAnswer }) {
  const me = user();
  const expired = view.expired || new Date(view.expiresAt).getTime() <= Date.now();
  const mayDecide = view.approverRoles.some(r => me.roles.includes(r));
  const mayApprove = !view.superAdminRequired || me.roles.includes('super_admin');
  let why = null;
  if (expired) {
    why = html`This request expired at ${utc(view.expiresAt)}: it can no longer be decided; the workflow closes it as expired.`;
  } else if (view.tampered === true) {
    why = html`This request does not match its seal, so it can be neither approved nor rejected. Let it expire; if the change
      is still wanted, the requester asks again (runbook “Approval tampered”).`;
  } else if (me.sub === view.requestedBy) {
    why = html`You asked for this; someone else must decide.`;
  } else if (!mayDecide) {
    why = html`Deciding <code>${view.action}</code> needs the role ${view.approverRoles.join(' or ')}; you are
      signed in as ${rolesText(me.roles)}.`;
  }
  return html`<section class="card" id="decide" aria-labelledby="decide-title">
    <h2 id="decide-title">Decide</h2>
    ${why ? html`<p id="cannot-decide">${why}</p>` : html`
      ${mayApprove ? null : html`<p id="cannot-approve">Approving needs the role super_admin: <code>${view.action}</code> touches
        funds and the requester (${rolesText(view.requestedByRoles)}) is not a super_admin. You may still reject it.</p>`}
      <div class="grid">
        ${mayApprove ? html`<${ApproveForm} view=${view} answer=${answer} onAnswer=${onAnswer} />` : null}
        <${RejectForm} view=${view} answer=${answer} onAnswer=${onAnswer} />
      </div>`}
  </section>`;
}

function statusSentence(v) {
  switch (v.status) {
    case 'PENDING':
      return v.awaitingDecision ? 'Waiting for a decision.' : 'The approval workflow is starting; it can be decided in a moment.';
    case 'APPROVED':
      return v.closedAt ? 'Approved, and closed without being applied.' : 'Approved; the workflow is applying it…';
    case 'APPLIED':
      return 'Approved and applied.';
    case 'REJECTED':
      return 'Rejected: nothing was changed.';
    case 'EXPIRED':
      return 'Nobody decided before it expired: nothing was changed.';
    case 'FAILED':
      return 'It could not be applied: nothing was changed (see the outcome).';
    default:
      return '';
  }
}

/** Who asked or decided: "alice (ops) alice@example.com". */
function Person({ sub, email, roles }) {
  return html`<strong>${sub}</strong> (${rolesText(roles)})${email ? html` <span class="muted">${email}</span>` : null}`;
}

function Fact({ term, children }) {
  return html`<dt>${term}</dt><dd>${children}</dd>`;
}

function DecisionResult({ answer, view }) {
  if (!answer || !answer.body) return null;
  const verb = answer.verb === 'approve' ? 'approved' : 'rejected';
  return html`<p class="notice" role="status" id="decision-result">You ${verb} this request. Now: <${StatusBadge} status=${view.status} />
    ${' ' + statusSentence(view)}${view.outcome ? ' Outcome: ' + view.outcome : null}</p>`;
}

function Detail({ id }) {
  const loaded = useLoad(() => get('/v1/admin/approvals/' + encodeURIComponent(id)), [id]);
  const [answer, setAnswer] = useState(null);
  const follows = useRef(0);
  const v = loaded.data;
  const onAnswer = a => {
    setAnswer(a);
    // after a decision, or a refusal that says the request moved on, read it again
    if (a.body || (a.problem && a.problem.status === 409)) {
      follows.current = 0;
      loaded.reload();
    }
  };
  // a decided request is applied and closed by the workflow a moment later: follow it until it is closed
  useEffect(() => {
    if (!v || loaded.loading || v.status === 'PENDING' || v.closedAt || follows.current >= FOLLOW_AT_MOST) return undefined;
    follows.current += 1;
    const t = setTimeout(loaded.reload, FOLLOW_EVERY_MS);
    return () => clearTimeout(t);
  }, [v, loaded.loading]);

  const orphan = answer && answer.problem && (!v || v.status !== 'PENDING');
  return html`<p><a href="#/approvals">← All approvals</a></p>
    <h1>Approval request</h1>
    ${loaded.loading && !v ? html`<${Loading} />` : null}
    <${Problem} problem=${loaded.problem} />
    ${!hasRole(...READERS) ? html`<p class="muted" id="approvals-role-note">Approval requests are read and decided by super_admin,
      ops and finance; you are signed in as ${rolesText(user().roles)}.</p>` : null}
    ${v ? html`
      ${v.tampered === true ? html`<div class="problem" role="alert" id="tampered"><strong>▲ Tampered:</strong> this request does not
        match its seal or its audit entry: ${v.tamperedBecause}. It can be neither approved nor applied; see the runbook
        “Approval tampered”.</div>` : null}
      <${DecisionResult} answer=${answer} view=${v} />
      ${orphan ? html`<${Problem} problem=${answer.problem} />` : null}
      <section class="card" aria-labelledby="request-title">
        <div class="approval-head"><${StatusBadge} status=${v.status} /> <span class="tag">${v.action}</span></div>
        <h2 id="request-title">${describe(v)}</h2>
        <p id="status-sentence">${statusSentence(v)}</p>
        ${v.action === 'PAYOUT_OVERRIDE' ? html`<h3>Evidence</h3><div id="override-evidence"><${Evidence} a=${v} /></div>` : null}
        <dl class="facts">
          <${Fact} term="Reason">“${v.reason}”</${Fact}>
          <${Fact} term="Asked by"><${Person} sub=${v.requestedBy} email=${v.requestedByEmail} roles=${v.requestedByRoles} /></${Fact}>
          <${Fact} term="Asked at">${when(v.requestedAt)}</${Fact}>
          <${Fact} term="Expires">${v.status === 'PENDING' ? html`<${Countdown} until=${v.expiresAt} />` : utc(v.expiresAt)}</${Fact}>
          <${Fact} term="Who may decide">${v.approverRoles.join(' or ')}${v.superAdminRequired
            ? ' (approving needs a super_admin: the requester is not one)' : ''}; never the requester</${Fact}>
          ${v.decidedBy ? html`
            <${Fact} term=${v.status === 'REJECTED' ? 'Rejected by' : 'Decided by'}><${Person} sub=${v.decidedBy}
              email=${v.decidedByEmail} roles=${v.decidedByRoles} /></${Fact}>
            <${Fact} term="Decided at">${when(v.decidedAt)}</${Fact}>
            <${Fact} term=${v.status === 'REJECTED' ? 'Reason for rejecting' : 'Comment'}>${v.decisionNote ? html`“${v.decisionNote}”` : html`<span class="muted">none</span>`}</${Fact}>` : null}
          ${v.outcome ? html`<${Fact} term="Outcome"><span id="outcome">${v.outcome}</span></${Fact}>` : null}
          ${v.appliedAt ? html`<${Fact} term="Applied at">${when(v.appliedAt)}</${Fact}>` : null}
          ${v.closedAt ? html`<${Fact} term="Closed at">${when(v.closedAt)}</${Fact}>` : null}
          <${Fact} term="Seal">${v.tampered === true ? html`<span class="badge bad">▲ Tampered</span>`
            : v.tampered === false ? html`<span class="badge ok">● Intact</span>`
              : html`<span class="badge warn">▲ Not checked</span> <span class="muted">the key service did not answer; reload to check</span>`}</${Fact}>
          <${Fact} term="Request id"><code>${v.id}</code></${Fact}>
        </dl>
      </section>
      ${v.status === 'PENDING' ? html`<${DecidePanel} view=${v} answer=${answer} onAnswer=${onAnswer} />` : null}
      <section class="card" aria-labelledby="payload-title">
        <h2 id="payload-title">Payload</h2>
        <p class="muted">${v.status === 'PENDING' ? 'Exactly what is applied once approved'
          : v.status === 'APPLIED' ? 'What was applied' : 'What was asked for'}${typeof v.payload === 'string' ? ' (stored text, not JSON)' : ''}.</p>
        <pre class="payload">${typeof v.payload === 'string' ? v.payload : JSON.stringify(v.payload, null, 2)}</pre>
        <dl class="facts">
          <${Fact} term="Payload hash"><code id="payload-hash">${v.payloadHash}</code></${Fact}>
          ${v.approvedHash ? html`<${Fact} term="Approved hash"><code>${v.approvedHash}</code>${v.approvedHash === v.payloadHash
            ? html` <span class="muted">(the same)</span>` : html` <span class="badge bad">▲ differs</span>`}</${Fact}>` : null}
          <${Fact} term="Version">${v.version}</${Fact}>
        </dl>
      </section>` : null}`;
}

function ApprovalsPage({ params }) {
  if (params.id) return html`<${Detail} key=${params.id} id=${params.id} />`;
  const status = STATUSES.includes(params.status) ? params.status : 'PENDING';
  return html`<${Inbox} status=${status} />`;
}

export default { path: '/approvals', alsoAt: ['/approvals/status/:status', '/approvals/:id'], title: 'Approvals', Page: ApprovalsPage };
