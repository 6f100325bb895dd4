// Reconcile: the daily reconciliation's runs (start one, watch it, read its report) and its findings by status and risk,
// each OPEN one acknowledged with the ticket or incident that tracks it. Filters live in the hash
// (#/reconcile?status=OPEN&risk=HIGH&run=<id>) so that a link can be shared.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, getText, post, newAction, query } from '../lib/api.js';
import { hasRole } from '../lib/session.js';

export const RECONCILERS = ['ops', 'finance', 'super_admin'];
const WHO_MAY = 'Reconcile runs and findings are read, started and acknowledged by ops, finance and super_admin.';
export const RISKS = ['HIGH', 'MEDIUM', 'LOW'];
const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
const PAGE_SIZE = 25;
// while a run is RUNNING the list is read again this often
const WATCH_MS = 5000;
const TICKET = /^[A-Za-z0-9._#:/-]{1,64}$/;

const RUN_STATUS = {
  RUNNING: ['warn', '◔ Running'],
  COMPLETED: ['ok', '● Completed'],
  FAILED: ['bad', '■ Failed'],
};

export function RunStatus({ status }) {
  const [tone, text] = RUN_STATUS[status] || ['warn', '? ' + status];
  return html`<span class="badge ${tone}">${text}</span>`;
}

const RISK_TONE = { HIGH: ['bad', '▲ HIGH'], MEDIUM: ['warn', '◆ MEDIUM'], LOW: ['neutral', '▽ LOW'] };

export function Risk({ risk }) {
  const [tone, text] = RISK_TONE[risk] || ['warn', risk];
  return html`<span class="badge ${tone}">${text}</span>`;
}

const FINDING_STATUS = { OPEN: ['bad', '○ Open'], ACKNOWLEDGED: ['warn', '✎ Acknowledged'], RESOLVED: ['ok', '✓ Resolved'] };

function FindingStatus({ status }) {
  const [tone, text] = FINDING_STATUS[status] || ['warn', status];
  return html`<span class="badge ${tone}">${text}</span>`;
}

function link(params) {
  return '#/reconcile' + query(params);
}

/** "2 HIGH, 1 MEDIUM, 0 LOW" of a run's summary. */
export function riskCounts(byRisk) {
  return RISKS.map(r => (byRisk && byRisk[r] || 0) + ' ' + r).join(', ');
}

/** The start button: one user action, one Idempotency-Key, so a double click starts one run. */
function StartRun({ onStarted }) {
  const inFlight = useRef(false);
  const [state, setState] = useState({ busy: false, problem: null, started: null });
  const start = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ busy: true, problem: null, started: null });
    try {
      const r = await post('/v1/admin/reconcile/runs', {}, newAction());
      setState({ busy: false, problem: null, started: r.body });
    } catch (p) {
      setState({ busy: false, problem: p, started: null });
    } finally {
      inFlight.current = false;
      onStarted();
    }
  };
  return html`<div class="toolbar">
      <button type="button" id="start-run" disabled=${state.busy} onClick=${start}>▶ Start a run of today</button>
      <span class="muted">Reconciles today (Asia/Jakarta); the daily schedule runs at 00:30.</span>
    </div>
    <${Problem} problem=${state.problem} />
    ${state.started ? html`<p class="notice" role="status" id="run-started">Run <code>${state.started.runId}</code> of ${state.started.day}${' '}
      started (${state.started.status} then; the list below follows it).</p>` : null}`;
}

function RunRow({ run, selected }) {
  const s = run.summary;
  return html`<tr data-run-id=${run.runId} class=${selected ? 'selected' : ''}>
    <td data-label="Run"><span><code>${run.runId}</code></span></td>
    <td data-label="Day"><span>${run.day}</span></td>
    <td data-label="Status"><span><${RunStatus} status=${run.status} /></span></td>
    <td data-label="Findings"><span>${s ? html`${s.findings} <span class="muted">(${riskCounts(s.byRisk)})</span>` : '–'}</span></td>
    <td data-label="Started"><span>${when(run.startedAt)}<br /><span class="muted">by ${run.trigger}</span></span></td>
    <td data-label="Report"><span>${run.report ? html`<a href=${link({ run: run.runId })} class="open-report">Open report</a>`
      : run.error ? html`<span class="run-error">${run.error}</span>` : '–'}</span></td>
  </tr>`;
}

function Runs({ selectedRun }) {
  const runs = useLoad(() => get('/v1/admin/reconcile/runs' + query({ days: 14, limit: 20 })), []);
  const running = runs.data && runs.data.items.some(r => r.status === 'RUNNING');
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => runs.reload(), WATCH_MS);
    return () => clearTimeout(timer);
  }, [running, runs.data]);
  const admin = hasRole(...RECONCILERS);
  return html`<section aria-labelledby="runs-title" class="card">
    <h2 id="runs-title">Runs <span class="muted">(last 14 days, newest first)</span></h2>
    ${admin ? html`<${StartRun} onStarted=${() => runs.reload()} />` : null}
    ${runs.loading && !runs.data ? html`<${Loading} />` : null}
    <${Problem} problem=${runs.problem} />
    <${WhoMay} problem=${runs.problem}>${WHO_MAY}</${WhoMay}>
    ${runs.data ? html`
      ${runs.data.items.length === 0 ? html`<p id="runs-empty">No run in the last 14 days.</p>`
        : html`<table class="stack" id="runs"><thead><tr><th>Run</th><th>Day</th><th>Status</th><th>Findings</th><th>Started</th>
            <th>Report</th></tr></thead>
          <tbody>${runs.data.items.map(r => html`<${RunRow} key=${r.runId} run=${r} selected=${r.runId === selectedRun} />`)}</tbody></table>`}
      <p>${running ? html`<span class="muted" aria-live="polite" id="watching">A run is in progress: watching it…</span> ` : null}
        <button type="button" class="link" id="runs-refresh" onClick=${() => runs.reload()}>Refresh</button></p>` : null}
  </section>`;
}

/** The report with the console's stylesheet for it: inside the console, its own inline <style> is refused (style-src 'self'). */
function styled(report) {
  const sheet = '<link rel="stylesheet" href="' + new URL('report.css', location.href).href + '">';
  return report.includes('</head>') ? report.replace('</head>', sheet + '</head>') : sheet + report;
}

/** The run's HTML report, in a sandboxed frame (it is fetched with the bearer token, so a plain link cannot show it). */
function Report({ runId }) {
  const page = useLoad(() => getText('/v1/admin/reconcile/runs/' + encodeURIComponent(runId) + '/report'), [runId]);
  return html`<section aria-labelledby="report-title" class="card" id="report">
    <h2 id="report-title">Report of run <code>${runId}</code></h2>
    ${page.loading ? html`<${Loading} />` : null}
    <${Problem} problem=${page.problem} />
    ${page.data ? html`<iframe id="report-frame" title=${'Reconcile report of run ' + runId} sandbox="" srcdoc=${styled(page.data)}
        style="width:100%;height:70vh;border:1px solid var(--line);border-radius:6px"></iframe>` : null}
    <p><a href=${link({})}>Close the report</a></p>
  </section>`;
}

/** Acknowledge with a ticket: one user action per press, its key kept for a retry after a lost answer or a 5xx. */
function Acknowledge({ finding, onDone }) {
  const [ticket, setTicket] = useState('');
  const [state, setState] = useState({ busy: false, problem: null });
  const pending = useRef(null);
  const inFlight = useRef(false);
  const valid = TICKET.test(ticket);
  const fieldId = 'ticket-' + finding.findingId;
  const send = async e => {
    e.preventDefault();
    if (!valid || inFlight.current) return;
    inFlight.current = true;
    pending.current = pending.current && pending.current.ticket === ticket ? pending.current : { ticket, action: newAction() };
    setState({ busy: true, problem: null });
    try {
      const r = await post('/v1/admin/reconcile/findings/' + encodeURIComponent(finding.findingId) + '/ack', { ticket },
        pending.current.action);
      pending.current = null;
      setState({ busy: false, problem: null });
      onDone(r.body);
    } catch (p) {
      if (!p.retryable) pending.current = null;
      setState({ busy: false, problem: p });
    } finally {
      inFlight.current = false;
    }
  };
  return html`<form class="ack" onSubmit=${send}>
    <label for=${fieldId}>Ticket or incident</label>
    <input id=${fieldId} class="ticket" value=${ticket} maxlength="64" placeholder="INC-2041" autocomplete="off"
      aria-describedby=${fieldId + '-rule'} onInput=${e => setTicket(e.target.value.trim())} />
    <p class="muted" id=${fieldId + '-rule'}>Letters, digits and . _ # : / - (up to 64).</p>
    <button type="submit" class="acknowledge" disabled=${!valid || state.busy}>✎ Acknowledge<span class="visually-hidden"> ${finding.subject}</span></button>
    <${Problem} problem=${state.problem} />
  </form>`;
}

function Finding({ f, canAck, onAcked }) {
  return html`<li class="card finding" data-finding-id=${f.findingId} data-risk=${f.risk} data-status=${f.status}>
    <div class="finding-head"><${Risk} risk=${f.risk} /> <${FindingStatus} status=${f.status} /> <code>${f.check}</code></div>
    <h3>${f.subject}</h3>
    <dl class="facts tight">
      <dt>Expected</dt><dd class="expected">${f.expected}</dd>
      <dt>Actual</dt><dd class="actual">${f.actual}</dd>
      <dt>Difference</dt><dd>${f.difference}</dd>
      <dt>Action</dt><dd><strong>${f.action}</strong> <span class="muted">(runbook <code>README.md${f.runbook}</code>)</span></dd>
      <dt>First seen</dt><dd>${when(f.firstSeenAt)}</dd>
      <dt>Last seen</dt><dd>${when(f.lastSeenAt)} <span class="muted">run <code>${f.lastSeenRun}</code></span></dd>
      ${f.ticket ? html`<dt>Ticket</dt><dd class="ticket-ref"><code>${f.ticket}</code> <span class="muted">by ${f.acknowledgedBy}, ${when(f.acknowledgedAt)}</span></dd>` : null}
      ${f.resolvedAt ? html`<dt>Resolved</dt><dd>${when(f.resolvedAt)} <span class="muted">run <code>${f.resolvedByRun}</code></span></dd>` : null}
      <dt>Id</dt><dd><code>${f.findingId}</code></dd>
    </dl>
    ${canAck && f.status === 'OPEN' ? html`<${Acknowledge} finding=${f} onDone=${onAcked} />` : null}
  </li>`;
}

function Findings({ status, risk }) {
  const params = { status, risk: risk || undefined, limit: PAGE_SIZE };
  const first = useLoad(() => get('/v1/admin/reconcile/findings' + query(params)), [status, risk]);
  const [more, setMore] = useState({ items: [], next: undefined, busy: false, problem: null });
  const [changed, setChanged] = useState({});
  useEffect(() => {
    setMore({ items: [], next: undefined, busy: false, problem: null });
    setChanged({});
  }, [status, risk, first.data]);
  const next = more.next !== undefined ? more.next : first.data && first.data.nextCursor;
  const loadMore = async () => {
    setMore(m => ({ ...m, busy: true, problem: null }));
    try {
      const page = await get('/v1/admin/reconcile/findings' + query({ ...params, cursor: next }));
      setMore(m => ({ items: [...m.items, ...page.items], next: page.nextCursor || null, busy: false, problem: null }));
    } catch (p) {
      setMore(m => ({ ...m, busy: false, problem: p }));
    }
  };
  const items = (first.data ? [...first.data.items, ...more.items] : []).map(f => changed[f.findingId] || f);
  const canAck = hasRole(...RECONCILERS);
  return html`<section aria-labelledby="findings-title" class="card">
    <h2 id="findings-title">Findings</h2>
    <nav aria-label="Finding status"><ul class="tabs">${STATUSES.map(s => html`<li><a href=${link({ status: s, risk })}
      aria-current=${s === status ? 'page' : undefined}>${s.charAt(0) + s.slice(1).toLowerCase()}</a></li>`)}</ul></nav>
    <nav aria-label="Risk"><ul class="tabs">${[undefined, ...RISKS].map(r => html`<li><a href=${link({ status, risk: r })}
      aria-current=${r === risk ? 'page' : undefined}>${r || 'Any risk'}</a></li>`)}</ul></nav>
    ${first.loading && !first.data ? html`<${Loading} />` : null}
    <${Problem} problem=${first.problem} />
    ${first.data ? html`
      ${items.length === 0 ? html`<p id="findings-empty"><span class="badge ok">● None</span> No ${status.toLowerCase()}
          ${risk ? risk + ' ' : ''}findings${next ? ' on this page' : ''}.</p>`
        : html`<ul class="plain" id="findings" aria-labelledby="findings-title">${items.map(f => html`<${Finding} key=${f.findingId} f=${f}
            canAck=${canAck} onAcked=${a => setChanged(c => ({ ...c, [a.findingId]: a }))} />`)}</ul>`}
      <${Problem} problem=${more.problem} />
      ${next ? html`<button type="button" id="findings-more" disabled=${more.busy} onClick=${loadMore}>Show more</button>` : null}
      <button type="button" class="link" id="findings-refresh" onClick=${() => first.reload()}>Refresh</button>` : null}
  </section>`;
}

function ReconcilePage({ query: q }) {
  const askedStatus = q && q.get('status');
  const status = STATUSES.includes(askedStatus) ? askedStatus : 'OPEN';
  const askedRisk = q && q.get('risk');
  const risk = RISKS.includes(askedRisk) ? askedRisk : undefined;
  const run = q && q.get('run');
  return html`<h1>Reconcile</h1>
    <p class="muted">Each run compares the ledger, payouts, orders, rounds and Midtrans, and lists what disagrees as findings.
      A finding stays OPEN until someone acknowledges it with a ticket, and is RESOLVED when a later run no longer sees it.</p>
    ${run ? html`<${Report} key=${run} runId=${run} />` : null}
    <${Runs} selectedRun=${run} />
    <${Findings} key=${status + (risk || '')} status=${status} risk=${risk} />`;
}

export default { path: '/reconcile', title: 'Reconcile', Page: ReconcilePage };
