// Alarms: every alarm of the catalogue evaluated now (the same rules CloudWatch alarms on), ALARM first, with its
// owner and runbook; and a test alert to the alerts topic, to see that alerts reach the people subscribed.
import { html, useState, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, post, newAction } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { ALERT_TESTERS, AlarmState, valueText } from '../lib/alarms.js';

const WHO_MAY = 'Alarms are read by ops, finance and super_admin; a test alert is sent by ops and super_admin.';

/** One click, one test alert: a retry after a lost answer keeps the action's key, a double click sends once. */
function useTestAlert() {
  const pending = useRef(null);
  const [state, setState] = useState({ busy: false, messageId: null, problem: null });
  const send = async () => {
    if (state.busy) return;
    pending.current = pending.current || newAction();
    setState({ busy: true, messageId: null, problem: null });
    try {
      const r = await post('/v1/admin/alerts/test', {}, pending.current);
      pending.current = null;
      setState({ busy: false, messageId: r.body.messageId, problem: null });
    } catch (p) {
      if (!p.retryable) pending.current = null;
      setState({ busy: false, messageId: null, problem: p });
    }
  };
  return { ...state, send };
}

function AlarmRow({ alarm }) {
  return html`<tr data-name=${alarm.name} data-state=${alarm.state}>
    <td data-label="Alarm"><span><code>${alarm.name}</code><br /><span class="muted">${alarm.trip}</span></span></td>
    <td data-label="State"><span><${AlarmState} state=${alarm.state} />${alarm.since ? html`<br /><span class="muted">since ${when(alarm.since)}</span>` : null}</span></td>
    <td data-label="Value" class="num"><span>${valueText(alarm)}</span></td>
    <td data-label="Owner"><span>${alarm.owner}</span></td>
    <td data-label="Runbook"><span><a href=${alarm.runbook} target="_blank" rel="noopener">Runbook<span class="visually-hidden"> of ${alarm.name}</span></a></span></td>
  </tr>`;
}

function AlarmsPage() {
  const list = useLoad(() => get('/v1/admin/alarms'), []);
  const test = useTestAlert();
  const firing = list.data ? list.data.alarms.filter(a => a.state === 'ALARM') : [];
  return html`<h1>Alarms</h1>
    <p class="muted">Every alarm, evaluated now by the rules CloudWatch alarms on${list.data ? html` (metrics from ${list.data.source === 'local'
      ? 'this machine’s metric file' : 'CloudWatch'}, at ${when(list.data.evaluatedAt)})` : null}. Each links its runbook.</p>
    ${hasRole(...ALERT_TESTERS) ? html`<div class="toolbar">
      <button type="button" id="send-test-alert" disabled=${test.busy} onClick=${test.send}>Send test alert</button>
      <span class="muted">Publishes “simulasi alert” to the alerts topic, with your name.</span></div>` : null}
    <${Problem} problem=${test.problem} />
    ${test.messageId ? html`<p class="notice" role="status" id="test-alert-result">Test alert sent: message id <code>${test.messageId}</code>.
      Check that it reached everyone subscribed to the alerts topic.</p>` : null}
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    <${WhoMay} problem=${list.problem}>${WHO_MAY}</${WhoMay}>
    ${list.data ? html`
      <p id="alarms-summary">${firing.length ? html`<span class="badge bad">■ ${firing.length} in ALARM</span>`
        : html`<span class="badge ok">● No alarm in ALARM</span>`} of ${list.data.alarms.length} alarms</p>
      <table class="stack alarms-table" id="alarms">
        <thead><tr><th scope="col">Alarm</th><th scope="col">State</th><th scope="col">Value / threshold</th><th scope="col">Owner</th><th scope="col">Runbook</th></tr></thead>
        <tbody>${list.data.alarms.map(a => html`<${AlarmRow} key=${a.name} alarm=${a} />`)}</tbody>
      </table>
      <button type="button" class="link" id="alarms-refresh" onClick=${() => list.reload()}>Refresh</button>` : null}`;
}

export default { path: '/alarms', title: 'Alarms', Page: AlarmsPage };
