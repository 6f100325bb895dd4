// Incidents as the Incidents, Incident and Post-mortem pages show them: the SOP's severities (with the launchpad's S1–S3
// aliases) and target response times, the steps in their one order, the components and sources, each status and
// severity as a badge (a symbol and a word, not only a colour), and who may do what.
import { html } from './ui.js';

// the roles of the routes (shared Topology): the console hides what a role cannot do, the API still decides
export const INCIDENT_REPORTERS = ['ops', 'finance', 'super_admin', 'support'];
export const INCIDENT_STAFF = ['ops', 'finance', 'super_admin'];
// the kill-switch route's roles (flag-admin)
export const FLAG_ADMINS = ['ops', 'super_admin'];
export const WHO_MAY_INCIDENTS = 'Incidents are read and declared by ops, finance, super_admin and support; ops, finance and super_admin run them.';

// the payment SOP's severities, their target response and the launchpad's alias (S1 → P0, S2 → P1, S3 → P3)
export const SEVERITIES = [
  { id: 'P0', alias: 'S1', target: 'immediate', meaning: 'funds at risk, wrong payout, exploit', tone: 'bad', mark: '▲▲' },
  { id: 'P1', alias: 'S2', target: '30 min', meaning: 'a main feature down', tone: 'bad', mark: '▲' },
  { id: 'P2', alias: null, target: '4 h', meaning: 'degraded, a workaround exists', tone: 'warn', mark: '◆' },
  { id: 'P3', alias: 'S3', target: 'next release', meaning: 'minor, cosmetic', tone: 'neutral', mark: '▽' },
];

/** "P1 (S2) — respond within 30 min: a main feature down", as the declare form offers it. */
export function severityOption(s) {
  return s.id + (s.alias ? ' (' + s.alias + ')' : '') + ' — ' + (s.target === 'immediate' || s.target === 'next release'
    ? s.target : 'within ' + s.target) + ': ' + s.meaning;
}

export function Severity({ severity }) {
  const s = SEVERITIES.find(x => x.id === severity);
  if (!s) return html`<span class="badge warn severity">? Severity not set</span>`;
  return html`<span class="badge ${s.tone} severity">${s.mark} ${s.id}${s.alias ? html` <span class="muted-in-badge">(${s.alias})</span>` : null}</span>`;
}

// the SOP's steps in their one order: each moves only to the next
export const STEPS = ['DETECTED', 'CLASSIFIED', 'CONTAINED', 'INVESTIGATING', 'RESOLVED', 'CLOSED'];

const STATUSES = {
  DETECTED: ['bad', '○ Detected', 'declared; the commander classifies it (severity) next'],
  CLASSIFIED: ['bad', '◔ Classified', 'severity set; contain it next (a kill switch, a hold)'],
  CONTAINED: ['warn', '◑ Contained', 'the harm is stopped; find the cause next'],
  INVESTIGATING: ['warn', '◕ Investigating', 'looking for the root cause and the fix'],
  RESOLVED: ['ok', '✓ Resolved', 'fixed; for P0/P1 the post-mortem is due 48 h after this'],
  CLOSED: ['neutral', '● Closed', 'done'],
};

export function nextStep(status) {
  const i = STEPS.indexOf(status);
  return i >= 0 && i < STEPS.length - 1 ? STEPS[i + 1] : null;
}

export function statusLabel(status) {
  return (STATUSES[status] || [null, status])[1].replace(/^\S+ /, '');
}

export function statusMeaning(status) {
  return (STATUSES[status] || [])[2] || '';
}

export function IncidentStatus({ status }) {
  const [tone, text] = STATUSES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${tone} incident-status">${text}</span>`;
}

export const COMPONENTS = ['payment', 'webhook', 'notification', 'access', 'contribute', 'claim', 'refund', 'payout', 'ledger', 'feed', 'other'];

export const DETECTED_BY = [
  ['alert', 'An alert'],
  ['ticket', 'A support ticket'],
  ['psp_dashboard', 'The PSP dashboard (Midtrans)'],
  ['internal', 'Internal (someone noticed)'],
];

export function detectedByLabel(value) {
  return (DETECTED_BY.find(d => d[0] === value) || [null, value])[1];
}

// what an incident can be linked to by hand (a kill switch links itself when pulled with the incident's id)
export const LINK_KINDS = [
  ['finding', 'a reconcile finding'],
  ['order', 'an order'],
  ['payout', 'a payout'],
  ['ticket', 'a support ticket'],
];

/** Where a linked thing lives in the console, or null when it has no page of its own. */
export function linkHref(link) {
  const id = encodeURIComponent(link.id);
  switch (link.kind) {
    case 'order': return '#/orders/' + id;
    case 'payout': return '#/payouts/' + id;
    case 'ticket': return '#/tickets/' + id;
    case 'finding': return '#/reconcile?status=OPEN';
    case 'flag': return '#/flags';
    default: return null;
  }
}

export function incidentLink(id) {
  return '#/incidents/' + encodeURIComponent(id);
}

export function incidentPath(id, verb) {
  return '/v1/incidents/' + encodeURIComponent(id) + (verb ? '/' + verb : '');
}
