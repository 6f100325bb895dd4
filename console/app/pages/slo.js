// The SLO report: the latest weekly report (each SLI against its 30-day objective, the error budget left, a status as a
// badge with its word; the incidents of the week with their MTTR; the alarms that fired most), and "Run now", which
// writes a report from the numbers as they are (POST /v1/slo/reports).
import { html, useState, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { get } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { useUserAction } from '../lib/actions.js';
import { Severity, IncidentStatus, incidentLink } from '../lib/incidents.js';

// the roles of the routes (shared Topology)
const SLO_READERS = ['ops', 'finance', 'super_admin'];
const WHO_MAY = 'SLO reports are read and run by ops, finance and super_admin.';

const STATUSES = {
  MET: ['ok', '● Met', 'within its objective'],
  AT_RISK: ['warn', '◆ At risk', 'within its objective, but most of the error budget is spent'],
  BREACHED: ['bad', '■ Breached', 'below its objective: the error budget is spent'],
  NO_DATA: ['neutral', '○ No data', 'nothing was measured in the window'],
};

function SliStatus({ status }) {
  const [tone, text] = STATUSES[status] || ['warn', '? ' + status];
  return html`<span class=${'badge ' + tone + ' sli-status'}>${text}</span>`;
}

/**
 * A ratio of the API (0.995, "0.9951", -0.2) as a percentage, by moving the decimal point in the text: "99.5 %". Never
 * through a float, so 0.995 is not shown as 99.49999.
 */
export function percent(ratio) {
  if (ratio === null || ratio === undefined || ratio === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(ratio));
  if (!m) return String(ratio);
  const digits = (m[3] || '').padEnd(2, '0');
  const whole = (m[2] + digits.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(2).replace(/0+$/, '').slice(0, 3);
  return m[1] + whole + (fraction ? '.' + fraction : '') + ' %';
}

function SliRow({ s }) {
  return html`<tr data-sli=${s.id} data-status=${s.status}>
    <td data-label="SLI"><span><strong>${s.name}</strong><br /><code class="muted">${s.id}</code></span></td>
    <td data-label="Objective" class="num"><span>${percent(s.objective)}</span></td>
    <td data-label="Actual" class="num"><span>${percent(s.actual)}${s.total !== undefined ? html`<br /><span class="muted">${s.good} good of ${s.total}</span>` : null}</span></td>
    <td data-label="Budget left" class="num"><span>${percent(s.errorBudgetRemaining)}</span></td>
    <td data-label="Status"><span><${SliStatus} status=${s.status} />${['AT_RISK', 'BREACHED'].includes(s.status)
      ? html`<br /><span class="muted">${STATUSES[s.status][2]}</span>` : null}</span></td>
  </tr>`;
}

function Report({ r }) {
  const breached = r.slis.filter(s => s.status === 'BREACHED').length;
  const atRisk = r.slis.filter(s => s.status === 'AT_RISK').length;
  return html`<section class="card" id="slo-report" data-report-id=${r.reportId} aria-labelledby="slo-report-title">
    <h2 id="slo-report-title">Week ${r.from ? r.from.slice(0, 10) : '?'} to ${r.to ? r.to.slice(0, 10) : '?'}</h2>
    <p class="muted">Report <code>${r.reportId}</code>, written ${when(r.generatedAt)}. Each SLI over 30 days.</p>
    <p id="slo-summary">${breached ? html`<span class="badge bad">■ ${breached} breached</span> ` : null}${atRisk
      ? html`<span class="badge warn">◆ ${atRisk} at risk</span> ` : null}${!breached && !atRisk
      ? html`<span class="badge ok">● Every SLI with data within its objective</span>` : null}</p>
    <table class="stack slo-table" id="slo-slis">
      <caption class="visually-hidden">Service level indicators</caption>
      <thead><tr><th scope="col">SLI</th><th scope="col" class="num">Objective</th><th scope="col" class="num">Actual</th>
        <th scope="col" class="num">Error budget left</th><th scope="col">Status</th></tr></thead>
      <tbody>${r.slis.map(s => html`<${SliRow} key=${s.id} s=${s} />`)}</tbody>
    </table>
    <h3>Incidents of the week</h3>
    ${r.incidents && r.incidents.length ? html`<table class="stack" id="slo-incidents">
      <thead><tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col" class="num">MTTR</th></tr></thead>
      <tbody>${r.incidents.map(i => html`<tr data-incident-id=${i.incidentId}>
        <td data-label="Incident"><span><a href=${incidentLink(i.incidentId)}>${i.title}</a><br /><code class="muted">${i.incidentId}</code></span></td>
        <td data-label="Severity"><span><${Severity} severity=${i.severity} /></span></td>
        <td data-label="Status"><span><${IncidentStatus} status=${i.status} /></span></td>
        <td data-label="MTTR" class="num"><span>${i.mttrMinutes === null || i.mttrMinutes === undefined ? html`<span class="muted">not resolved</span>`
          : i.mttrMinutes + ' min'}</span></td></tr>`)}</tbody></table>` : html`<p class="muted" id="slo-no-incidents">No incident this week.</p>`}
    <h3>Top alarms</h3>
    ${r.topAlarms && r.topAlarms.length ? html`<ol id="slo-alarms">${r.topAlarms.map(a => html`<li><code>${a.name}</code>: fired ${a.firings}${' '}
      ${a.firings === 1 ? 'time' : 'times'}</li>`)}</ol>` : html`<p class="muted" id="slo-no-alarms">No alarm fired.</p>`}
    ${r.links ? html`<p class="muted" id="slo-links">Stored as ${['json', 'html'].filter(k => r.links[k]).map((k, n) => html`${n ? ' and ' : ''}<code>${r.links[k]}</code>`)}</p>` : null}
  </section>`;
}

function SloPage() {
  const latest = useLoad(() => get('/v1/slo/reports/latest').catch(p => {
    if (p.status === 404) return null;
    throw p;
  }), []);
  const runner = useUserAction();
  const [ran, setRan] = useState(null);
  const [problem, setProblem] = useState(null);
  const run = async () => {
    const a = await runner.send('run', '/v1/slo/reports', {});
    if (!a) return;
    setProblem(a.problem || null);
    if (a.body) setRan(a.body);
  };
  const report = ran || latest.data;
  return html`<h1>SLO report</h1>
    <p class="muted">Written every Monday 08:00 (Asia/Jakarta) for the week before; the summary goes to ops-notices.</p>
    ${hasRole(...SLO_READERS) ? html`<div class="toolbar">
      <button type="button" id="slo-run-now" disabled=${runner.busy === 'run'} onClick=${run}>${runner.busy === 'run' ? 'Running…' : 'Run now'}</button>
      <span class="muted">Writes a report from the numbers as they are now.</span></div>` : null}
    <${Problem} problem=${problem} />
    ${ran ? html`<p class="notice" role="status" id="slo-ran">✓ Report <code>${ran.reportId}</code> written.</p>` : null}
    ${latest.loading && !latest.data && !ran ? html`<${Loading} />` : null}
    <${Problem} problem=${latest.problem} />
    <${WhoMay} problem=${latest.problem}>${WHO_MAY}</${WhoMay}>
    ${report ? html`<${Report} r=${report} />` : !latest.loading && !latest.problem
      ? html`<p class="muted" id="slo-none">No report yet: the first is written next Monday, or now with “Run now”.</p>` : null}`;
}

export default { path: '/slo', title: 'SLO report', menuRoles: SLO_READERS, Page: SloPage };
