// Daily Ops: the morning and evening checklist. Each section reads the API as it is now; the sections later
// issues fill (reconciliation) say so until they exist.
import { html, Problem, useLoad, when, Loading } from '../lib/ui.js';
import { get, query } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { QUEUE_READERS } from '../lib/payouts.js';
import { RECONCILERS, RISKS, RunStatus, riskCounts } from './reconcile.js';
import { ALARM_READERS } from '../lib/alarms.js';
import { STUCK_READERS, itemHref, waited, KindBadge, ItemStatus, StuckBadge } from '../lib/stuck.js';

function Section({ id, title, children }) {
  return html`<section class="card" aria-labelledby=${id}><h2 id=${id}>${title}</h2>${children}</section>`;
}

function DisabledFlags() {
  const list = useLoad(() => get('/v1/system-flags'), []);
  if (list.loading) return html`<${Loading} />`;
  if (list.problem) return html`<${Problem} problem=${list.problem} />`;
  const off = [];
  for (const f of list.data.flags) {
    for (const s of [f.global, ...f.overrides]) {
      if (!s.enabled) off.push({ flag: f.flag, fundRelated: f.fundRelated, ...s });
    }
  }
  return html`
    ${list.data.tampered ? html`<p class="problem" role="alert"><strong>▲ Flag states do not match their seal.</strong></p>` : null}
    ${off.length === 0 ? html`<p><span class="badge ok">● All flows enabled</span></p>`
      : html`<ul class="plain" id="disabled-flags">${off.map(s => html`<li>
          <span class="badge bad">■ Disabled</span> <strong>${s.flag}</strong> <code>${s.scope}</code>
          since ${when(s.updatedAt)} by ${s.updatedBy}: “${s.reason}”</li>`)}</ul>`}
    <p><a href="#/flags">Kill switches</a></p>`;
}

function PendingApprovals() {
  const list = useLoad(() => get('/v1/admin/approvals?status=PENDING&limit=20'), []);
  if (list.loading) return html`<${Loading} />`;
  if (list.problem) return html`<${Problem} problem=${list.problem} />`;
  const items = list.data.approvals;
  return items.length === 0 ? html`<p><span class="badge ok">● Nothing waiting</span></p>`
    : html`<ul class="plain" id="pending-approvals">${items.map(a => html`<li>
        <a href=${'#/approvals/' + encodeURIComponent(a.id)}>${a.action || 'unreadable request'}</a>
        ${a.requestedBy ? html` by ${a.requestedBy}` : null}${a.expiresAt ? html`, expires ${when(a.expiresAt)}` : null}</li>`)}</ul>`;
}

function AuditVerify() {
  const v = useLoad(() => get('/v1/admin/audit/verify'), []);
  if (v.loading) return html`<${Loading} />`;
  if (v.problem) return html`<${Problem} problem=${v.problem} />`;
  return v.data.ok
    ? html`<p id="audit-verify"><span class="badge ok">● Chain verified</span> ${v.data.entries} entries
        ${v.data.anchoredSeq ? html`, anchored at seq ${v.data.anchoredSeq} ${when(v.data.anchoredAt)}` : null}</p>`
    : html`<p id="audit-verify" role="alert"><span class="badge bad">■ Chain broken</span> at seq ${v.data.brokenAt}: ${v.data.problem}</p>`;
}

function Health() {
  const h = useLoad(() => get('/v1/health'), []);
  if (h.loading) return html`<${Loading} />`;
  if (h.problem) return html`<${Problem} problem=${h.problem} />`;
  return html`<p id="health"><span class="badge ${h.data.status === 'ok' ? 'ok' : 'bad'}">${h.data.status === 'ok' ? '●' : '■'} ${h.data.status}</span></p>`;
}

// the payouts read for the counts (the API's largest page): more than that shows as "100+"
const PAYOUTS_COUNTED = 100;

function counted(page) {
  return page.items.length + (page.nextCursor ? '+' : '');
}

/** A count badge: none, some, or (a filtered page may come back empty while more remain to be read) not known yet. */
function CountBadge({ page, what, bad }) {
  if (page.items.length) return html`<span class="badge bad">${bad} ${counted(page)} ${what}</span>`;
  return page.nextCursor ? html`<span class="badge warn">? Not counted</span> <span class="muted">(the first page held none ${what})</span>`
    : html`<span class="badge ok">● None ${what}</span>`;
}

/** Failed payouts (by kind: claims and refunds among them) and stuck ones, each a link to the payout queue filtered so. */
function PayoutFailures() {
  const failed = useLoad(() => get('/v1/admin/payouts' + query({ status: 'FAILED', limit: PAYOUTS_COUNTED })), []);
  const stuck = useLoad(() => get('/v1/admin/payouts' + query({ stuck: 'true', limit: PAYOUTS_COUNTED })), []);
  if (failed.loading || stuck.loading) return html`<${Loading} />`;
  if (failed.problem || stuck.problem) return html`<${Problem} problem=${failed.problem || stuck.problem} />`;
  const kinds = {};
  failed.data.items.forEach(p => { kinds[p.kind] = (kinds[p.kind] || 0) + 1; });
  return html`<ul class="plain" id="ops-payouts-summary">
    <li><${CountBadge} page=${failed.data} what="failed" bad="■" />${' '}
      ${Object.keys(kinds).length ? html`<span class="muted">(${Object.entries(kinds).map(([k, n]) => k + ' ' + n).join(', ')})</span>` : null}
      ${' '}<a href="#/payouts?status=FAILED">Failed payouts</a></li>
    <li><${CountBadge} page=${stuck.data} what="stuck" bad="▲" />${' '}<a href="#/payouts?stuck=true">Stuck payouts</a></li>
    <li><a href="#/payouts?kind=REFUND">Refund queue</a></li>
  </ul>`;
}

/** Today's reconcile run (Asia/Jakarta) and the OPEN findings by risk, each count a link to the findings filtered so. */
function ReconcileStatus() {
  const runs = useLoad(() => get('/v1/admin/reconcile/runs' + query({ days: 1, limit: 1 })), []);
  const open = useLoad(() => Promise.all(RISKS.map(risk => get('/v1/admin/reconcile/findings' + query({ status: 'OPEN', risk, limit: 100 })))), []);
  if (runs.loading || open.loading) return html`<${Loading} />`;
  if (runs.problem || open.problem) return html`<${Problem} problem=${runs.problem || open.problem} />`;
  const run = runs.data.items[0];
  return html`<div id="ops-reconcile-status">
    ${run ? html`<p id="ops-reconcile-run"><${RunStatus} status=${run.status} /> Today's run (${runs.data.today}) started ${when(run.startedAt)}
        ${run.summary ? html`: ${run.summary.findings} findings (${riskCounts(run.summary.byRisk)})` : null}
        ${run.error ? html`: <span class="run-error">${run.error}</span>` : null}
        ${run.report ? html` <a href=${'#/reconcile' + query({ run: run.runId })}>Report</a>` : null}</p>`
      : html`<p id="ops-reconcile-run"><span class="badge warn">? No run today yet</span> <span class="muted">(${runs.data.today}; the
        schedule runs at 00:30 Asia/Jakarta)</span></p>`}
    <ul class="plain" id="ops-reconcile-open">${RISKS.map((risk, i) => html`<li>
      <${CountBadge} page=${open.data[i]} what=${'open ' + risk} bad=${risk === 'HIGH' ? '▲' : '◆'} />${' '}
      <a href=${'#/reconcile' + query({ status: 'OPEN', risk })}>Open ${risk} findings</a></li>`)}</ul>
  </div>`;
}

/** How many alarms are in ALARM now, and which, each linked to its runbook. */
function AlarmsSummary() {
  const list = useLoad(() => get('/v1/admin/alarms'), []);
  if (list.loading) return html`<${Loading} />`;
  if (list.problem) return html`<${Problem} problem=${list.problem} />`;
  const firing = list.data.alarms.filter(a => a.state === 'ALARM');
  return html`<div id="ops-alarms-summary">
    ${firing.length === 0 ? html`<p><span class="badge ok">● No alarm in ALARM</span> (${list.data.alarms.length} watched)</p>`
      : html`<p><span class="badge bad">■ ${firing.length} in ALARM</span></p>
        <ul class="plain">${firing.map(a => html`<li><code>${a.name}</code> <span class="muted">(${a.owner})</span>${' '}<a href=${a.runbook} target="_blank" rel="noopener">Runbook<span class="visually-hidden"> of ${a.name}</span></a></li>`)}</ul>`}
    <p><a href="#/alarms">Alarms</a></p></div>`;
}

/** Who is on call now for each area (primary, backup, the rotation) and whom to call when nobody acknowledges. */
function OnCall() {
  const now = useLoad(() => get('/v1/oncall/now'), []);
  if (now.loading) return html`<${Loading} />`;
  if (now.problem) return html`<${Problem} problem=${now.problem} />`;
  const areas = now.data.areas || [];
  const escalation = now.data.escalation || [];
  return html`<div id="ops-oncall-now">
    ${areas.length === 0 ? html`<p><span class="badge bad">▲ Nobody on call</span> <span class="muted">the roster in the config is empty</span></p>`
      : html`<ul class="plain" id="oncall-areas">${areas.map(a => html`<li data-area=${a.area}>
          <strong>${a.area}</strong>: <code class="oncall-primary">${a.primary}</code>${a.backup ? html`, backup <code class="oncall-backup">${a.backup}</code>` : null}
          <span class="muted block">since ${a.rotationFrom}${a.rotationTo ? ' until ' + a.rotationTo : ''}</span></li>`)}</ul>`}
    ${escalation.length ? html`<p class="muted" id="oncall-escalation">Not acknowledged? ${escalation.map((e, i) => html`${i ? '; ' : ''}after ${e.afterMinutes} min call <strong>${e.call}</strong>`)}.</p>` : null}
    <p class="muted">As of ${when(now.data.at)}. Incidents declared without a commander go to the primary of their first
      component’s area. <a href="#/incidents">Incidents</a></p>
  </div>`;
}

// the stuck list's oldest items read for the section; it shows the first few with a link to the whole list
const AGING_READ = 20;
const AGING_SHOWN = 5;

/** The oldest payouts and orders still waiting, with their ages and how many of them are stuck (GET /v1/admin/stuck). */
function PendingAging() {
  const list = useLoad(() => get('/v1/admin/stuck' + query({ limit: AGING_READ })), []);
  if (list.loading) return html`<${Loading} />`;
  if (list.problem) return html`<${Problem} problem=${list.problem} />`;
  const items = list.data.items;
  const stuck = items.filter(i => i.stuck).length;
  return html`<div id="ops-aging">
    <p>${stuck ? html`<span class="badge bad">▲ ${stuck}${items.length === AGING_READ ? '+' : ''} stuck</span>`
      : html`<span class="badge ok">● Nothing stuck</span>`}
      ${' '}<span class="muted">${items.length ? 'oldest waiting ' + waited(items[0].ageSeconds) : 'nothing waiting'}</span></p>
    ${items.length ? html`<ul class="plain" id="ops-aging-items">${items.slice(0, AGING_SHOWN).map(i => html`<li>
        <${KindBadge} kind=${i.kind} /> <a href=${itemHref(i)}><code>${i.id}</code></a> <${ItemStatus} item=${i} />
        <${StuckBadge} item=${i} /> <strong>${waited(i.ageSeconds)}</strong></li>`)}</ul>` : null}
    <p><a href="#/stuck">Stuck list</a></p>
  </div>`;
}

function DailyOpsPage() {
  const approver = hasRole('ops', 'finance', 'super_admin');
  return html`<h1>Daily Ops</h1>
    <p class="muted">Morning and evening: go through each section; anything not green gets a ticket or an incident.</p>
    <div class="grid">
      <${Section} id="ops-oncall" title="On-call"><${OnCall} /></${Section}>
      <${Section} id="ops-flags" title="Flows disabled"><${DisabledFlags} /></${Section}>
      ${approver ? html`<${Section} id="ops-approvals" title="Pending approvals"><${PendingApprovals} /></${Section}>` : null}
      ${approver ? html`<${Section} id="ops-audit" title="Audit chain"><${AuditVerify} /></${Section}>` : null}
      ${hasRole(...ALARM_READERS) ? html`<${Section} id="ops-alarms" title="Alarms"><${AlarmsSummary} /></${Section}>` : null}
      <${Section} id="ops-health" title="Health"><${Health} /></${Section}>
      ${hasRole(...QUEUE_READERS) ? html`<${Section} id="ops-payouts" title="Payout failures"><${PayoutFailures} /></${Section}>` : null}
      ${hasRole(...RECONCILERS) ? html`<${Section} id="ops-reconcile" title="Reconcile status"><${ReconcileStatus} /></${Section}>` : null}
      ${hasRole(...STUCK_READERS) ? html`<${Section} id="ops-pending-aging" title="Pending transaction aging"><${PendingAging} /></${Section}>` : null}
    </div>`;
}

export default { path: '/daily-ops', title: 'Daily Ops', Page: DailyOpsPage };
