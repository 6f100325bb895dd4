// The alarms' states as the API evaluates them (GET /v1/admin/alarms): who may read them and how a state is shown.
import { html } from './ui.js';

export const ALARM_READERS = ['ops', 'finance', 'super_admin'];
export const ALERT_TESTERS = ['ops', 'super_admin'];

const STATES = {
  ALARM: { badge: 'bad', mark: '■', text: 'ALARM' },
  OK: { badge: 'ok', mark: '●', text: 'OK' },
  INSUFFICIENT_DATA: { badge: 'neutral', mark: '○', text: 'No data' },
};

export function AlarmState({ state }) {
  const s = STATES[state] || { badge: 'warn', mark: '?', text: state };
  return html`<span class=${'badge ' + s.badge}>${s.mark} ${s.text}</span>`;
}

/** "1200 > 900", "no data ≥ 1": the newest value against the threshold. */
export function valueText(alarm) {
  const value = alarm.value === null || alarm.value === undefined ? 'no data' : number(alarm.value);
  return value + ' ' + alarm.comparison + ' ' + number(alarm.threshold);
}

function number(n) {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
