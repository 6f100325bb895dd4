// Incidents: the list by status (#/incidents?status=CLASSIFIED, a link to share), the declare form, and one incident's
// page: its header (severity, target response, status, commander), its timeline, the next step of the SOP (only that
// one is offered), notes, links, a kill switch pulled for it, evidence collected with its SHA-256, and the status update
// and user notice to send. Each button is one user action with one Idempotency-Key, so a double click changes nothing twice.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, getText, query } from '../lib/api.js';
import { user, hasRole } from '../lib/session.js';
import { useUserAction, usePageActions } from '../lib/actions.js';
import { useDraft, clearDraft } from '../lib/drafts.js';
import { CopyButton, useCopied } from '../lib/clipboard.js';
import { NewOverride } from './flags.js';
import {
  INCIDENT_REPORTERS, INCIDENT_STAFF, FLAG_ADMINS, WHO_MAY_INCIDENTS, SEVERITIES, severityOption, Severity, STEPS, nextStep, statusLabel,
  statusMeaning, IncidentStatus, COMPONENTS, DETECTED_BY, detectedByLabel, LINK_KINDS, linkHref, incidentLink, incidentPath,
} from '../lib/incidents.js';

const TITLE_MAX = 200;
const NOTE_MAX = 2000;

// ---- times: a datetime-local field holds the browser's local time; the API takes and gives ISO instants

/** "2026-12-01T09:30:00Z" → "2026-12-01T16:30" in the browser's time zone, for a datetime-local field. */
function localInput(iso) {
  const t = iso ? new Date(iso) : new Date();
  if (isNaN(t)) return '';
  const local = new Date(t.getTime() - t.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO instant; what the person typed when it is not one (the API then names the field). */
function instant(value) {
  const t = new Date(value);
  return value && !isNaN(t) ? t.toISOString() : value;
}

/** Ids typed one a line or separated by commas or spaces. */
function ids(text) {
  return String(text || '').split(/[\s,]+/).map(s => s.trim()).filter(Boolean);
}

function rolesText() {
  const me = user();
  return me && me.roles.length ? me.roles.join(', ') : 'no role';
}

function Fact({ term, children }) {
  return html`<dt>${term}</dt><dd>${children}</dd>`;
}

// ---- the list

function link(filters) {
  return '#/incidents' + query(filters);
}

function StatusTabs({ status }) {
  const views = [['All', ''], ...STEPS.map(s => [statusLabel(s), s])];
  return html`<nav aria-label="Incidents by status"><ul class="tabs">${views.map(([label, s]) => html`<li><a href=${link({ status: s })}
    aria-current=${(status || '') === s ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>`;
}

function Row({ i }) {
  return html`<tr data-incident-id=${i.incidentId} data-status=${i.status} data-severity=${i.severity || ''}>
    <td data-label="Incident"><span><a href=${incidentLink(i.incidentId)} class="incident-title">${i.title}</a><br />
      <code class="muted">${i.incidentId}</code></span></td>
    <td data-label="Severity"><span><${Severity} severity=${i.severity} /></span></td>
    <td data-label="Status"><span><${IncidentStatus} status=${i.status} /></span></td>
    <td data-label="Commander"><span>${i.commander ? html`<code>${i.commander}</code>` : html`<span class="muted">nobody</span>`}</span></td>
    <td data-label="Components"><span>${(i.components || []).join(', ')}</span></td>
    <td data-label="Detected"><span><time datetime=${i.detectedAt}>${when(i.detectedAt)}</time></span></td>
  </tr>`;
}

/** The declare form: support leaves the severity to ops; with no commander the on-call primary of the first component is assigned. */
function Declare({ open }) {
  const staff = hasRole(...INCIDENT_STAFF);
  const [title, setTitle] = useDraft('incidents.new.title', '');
  const [severity, setSeverity] = useDraft('incidents.new.severity', 'P1');
  const [components, setComponents] = useDraft('incidents.new.components', '');
  const [detectedBy, setDetectedBy] = useDraft('incidents.new.detectedBy', 'alert');
  const [firstSeen, setFirstSeen] = useDraft('incidents.new.firstSeen', localInput(null));
  const [users, setUsers] = useDraft('incidents.new.users', '0');
  const [description, setDescription] = useDraft('incidents.new.description', '');
  const [commander, setCommander] = useDraft('incidents.new.commander', '');
  const sender = useUserAction();
  const [problem, setProblem] = useState(null);
  const chosen = components ? components.split(',') : [];
  const toggle = (c, on) => setComponents(COMPONENTS.filter(x => x === c ? on : chosen.includes(x)).join(','));
  const named = field => !!problem && problem.errors.some(e => e.field === field || e.field.startsWith(field + '.')) ? 'true' : undefined;
  const submit = async e => {
    e.preventDefault();
    const request = { title: title.trim(), components: chosen, detectedBy, firstSeenAt: instant(firstSeen),
      impact: { usersAffected: /^\d+$/.test(users.trim()) ? Number(users.trim()) : users } };
    if (staff) request.severity = severity;
    if (description.trim()) request.impact.description = description.trim();
    if (commander.trim()) request.commander = commander.trim();
    const a = await sender.send('declare', '/v1/incidents', request);
    if (!a) return;
    setProblem(a.problem || null);
    if (a.body) {
      ['title', 'severity', 'components', 'detectedBy', 'firstSeen', 'users', 'description', 'commander'].forEach(f => clearDraft('incidents.new.' + f));
      location.hash = incidentLink(a.body.incidentId);
    }
  };
  return html`<details class="card" id="declare" open=${open || undefined}>
    <summary><h2 id="declare-title">Declare an incident</h2></summary>
    <form onSubmit=${submit} aria-labelledby="declare-title" id="declare-form">
      <label for="declare-title-input">Title (up to ${TITLE_MAX} characters)</label>
      <input id="declare-title-input" autocomplete="off" aria-required="true" maxlength=${TITLE_MAX} aria-invalid=${named('title')}
        placeholder="Paid but no access" value=${title} onInput=${e => setTitle(e.target.value)} />
      ${staff ? html`<label for="declare-severity">Severity (the SOP’s P0–P3; the launchpad’s S1–S3 in brackets)</label>
        <select id="declare-severity" value=${severity} aria-invalid=${named('severity')} onChange=${e => setSeverity(e.target.value)}>
          ${SEVERITIES.map(s => html`<option value=${s.id}>${severityOption(s)}</option>`)}</select>`
        : html`<p class="muted hint" id="declare-severity-note">Ops sets the severity when they classify it; you are signed in as ${rolesText()}.</p>`}
      <fieldset aria-invalid=${named('components')}><legend>Components affected (the first one picks the on-call area)</legend>
        <div class="checks">${COMPONENTS.map(c => html`<label class="check"><input type="checkbox" name="component" value=${c}
          id=${'declare-component-' + c} checked=${chosen.includes(c)} onChange=${e => toggle(c, e.target.checked)} /> ${c}</label>`)}</div>
      </fieldset>
      <div class="row">
        <div><label for="declare-detected-by">Detected by</label>
          <select id="declare-detected-by" value=${detectedBy} aria-invalid=${named('detectedBy')} onChange=${e => setDetectedBy(e.target.value)}>
            ${DETECTED_BY.map(([v, label]) => html`<option value=${v}>${label}</option>`)}</select></div>
        <div><label for="declare-first-seen">First seen (your local time)</label>
          <input id="declare-first-seen" type="datetime-local" aria-required="true" aria-invalid=${named('firstSeenAt')}
            value=${firstSeen} onInput=${e => setFirstSeen(e.target.value)} /></div>
        <div><label for="declare-users">Users affected (a count; 0 if not known yet)</label>
          <input id="declare-users" type="number" min="0" step="1" inputmode="numeric" aria-invalid=${named('impact')}
            value=${users} onInput=${e => setUsers(e.target.value)} /></div>
      </div>
      <label for="declare-description">What users see (optional)</label>
      <textarea id="declare-description" rows="2" value=${description} onInput=${e => setDescription(e.target.value)}></textarea>
      <label for="declare-commander">Commander (optional: on-call primary if empty)</label>
      <input id="declare-commander" autocomplete="off" spellcheck=${false} aria-invalid=${named('commander')}
        aria-describedby="declare-commander-hint" value=${commander} onInput=${e => setCommander(e.target.value)} />
      <p class="muted hint" id="declare-commander-hint">Left empty, the on-call primary of the first component’s area owns it
        (see On-call on <a href="#/daily-ops">Daily Ops</a>).</p>
      <button type="submit" id="declare-submit" class="danger" disabled=${sender.busy === 'declare'}>Declare incident</button>
      <${Problem} problem=${problem} />
    </form>
  </details>`;
}

function List({ status, cursor, newOpen }) {
  const key = link({ status, cursor });
  const list = useLoad(() => get('/v1/incidents' + query({ status, cursor })).then(page => ({ key, page })), [key]);
  const page = list.data && list.data.key === key ? list.data.page : null;
  const forbidden = list.problem && list.problem.status === 403;
  return html`<h1>Incidents</h1>
    <p class="muted">Declare it first, then work it through the SOP’s steps: ${STEPS.map(statusLabel).join(' → ')}.</p>
    ${forbidden ? null : html`<${Declare} open=${newOpen || (page && !page.items.length && !status && !cursor)} />`}
    <${StatusTabs} status=${status} />
    ${!page && !list.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    <${WhoMay} problem=${list.problem}>${WHO_MAY_INCIDENTS}</${WhoMay}>
    ${page ? html`<section aria-labelledby="incidents-list-title">
      <h2 id="incidents-list-title">${status ? statusLabel(status) + ' incidents' : 'Every incident'}${cursor ? ' (a later page)' : ''}</h2>
      ${page.items.length === 0 ? html`<p class="muted" id="incidents-empty">No incident${status ? ' ' + statusLabel(status).toLowerCase() : ''}.</p>`
        : html`<table class="stack incidents-table" id="incidents">
          <thead><tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Commander</th>
            <th scope="col">Components</th><th scope="col">Detected</th></tr></thead>
          <tbody>${page.items.map(i => html`<${Row} key=${i.incidentId} i=${i} />`)}</tbody></table>`}
      <nav class="pager" aria-label="Pages of incidents">
        ${cursor ? html`<a href=${link({ status })}>First page</a>` : null}
        ${page.nextCursor ? html`<a id="incidents-next" href=${link({ status, cursor: page.nextCursor })}>Next page</a>`
          : html`<span class="muted">No more incidents.</span>`}
        <button type="button" class="link" id="incidents-refresh" onClick=${() => list.reload()}>Refresh</button>
      </nav>
    </section>` : null}`;
}

// ---- one incident

function Header({ inc }) {
  const pm = inc.postmortem;
  return html`<section class="card" id="incident-facts" aria-labelledby="incident-facts-title">
    <h2 id="incident-facts-title" class="visually-hidden">Facts</h2>
    <p class="order-head"><${Severity} severity=${inc.severity} /> <${IncidentStatus} status=${inc.status} />
      <span class="muted">${statusMeaning(inc.status)}</span></p>
    <dl class="facts tight">
      <${Fact} term="Incident"><code>${inc.incidentId}</code></${Fact}>
      <${Fact} term="Severity"><span id="incident-severity">${inc.severity ? html`<strong>${inc.severity}</strong>${inc.severityLabel ? ' — ' + inc.severityLabel : ''}`
        : html`<span class="muted">not set yet: ops sets it when classifying</span>`}</span></${Fact}>
      <${Fact} term="Target response"><span id="incident-target">${inc.targetResponse || html`<span class="muted">set with the severity</span>`}</span></${Fact}>
      <${Fact} term="Status"><span id="incident-status">${statusLabel(inc.status)}</span></${Fact}>
      <${Fact} term="Commander"><span id="incident-commander">${inc.commander ? html`<code>${inc.commander}</code>` : html`<span class="muted">nobody</span>`}
        ${inc.commanderSource === 'on-call' ? html` <span class="tag">on-call primary</span>` : null}</span></${Fact}>
      <${Fact} term="Components">${(inc.components || []).join(', ')}</${Fact}>
      <${Fact} term="Detected by">${detectedByLabel(inc.detectedBy)}</${Fact}>
      <${Fact} term="First seen">${when(inc.firstSeenAt)}</${Fact}>
      <${Fact} term="Declared">${when(inc.detectedAt)}${inc.reportedBy ? html` <span class="muted">by ${inc.reportedBy}</span>` : null}</${Fact}>
      <${Fact} term="Users affected"><span id="incident-users">${inc.impact ? String(inc.impact.usersAffected) : '—'}</span>
        ${inc.impact && inc.impact.description ? html`: <span class="reason">“${inc.impact.description}”</span>` : null}</${Fact}>
      ${inc.resolvedAt ? html`<${Fact} term="Resolved">${when(inc.resolvedAt)}</${Fact}>` : null}
      ${inc.closedAt ? html`<${Fact} term="Closed">${when(inc.closedAt)}</${Fact}>` : null}
      <${Fact} term="Post-mortem"><span id="incident-postmortem">${pm && pm.owner ? html`owner <code>${pm.owner}</code>` : html`<span class="muted">no owner yet</span>`}
        ${pm && pm.dueAt ? html`, due ${when(pm.dueAt)}` : null}
        ${pm && pm.overdue ? html` <span class="badge bad" id="incident-postmortem-overdue">▲ Overdue</span>` : null}
        ${pm && pm.complete ? html` <span class="badge ok">✓ Written</span>` : null}
        ${' '}<a href=${incidentLink(inc.incidentId) + '/postmortem'} id="incident-postmortem-link">Post-mortem page</a></span></${Fact}>
    </dl>
  </section>`;
}

/** Only the next step of the SOP is offered; classifying asks for the severity, resolving a P0/P1 for the post-mortem owner. */
function StatusForm({ inc, act }) {
  const to = nextStep(inc.status);
  const draft = 'incidents.status.' + inc.incidentId;
  const [note, setNote] = useDraft(draft, '');
  const [severity, setSeverity] = useState(inc.severity || 'P1');
  const [owner, setOwner] = useState('');
  useEffect(() => setSeverity(inc.severity || 'P1'), [inc.severity]);
  if (!to) return html`<p class="muted" id="incident-no-step">Closed: there is no step after this one.</p>`;
  const classifying = to === 'CLASSIFIED';
  const chosenSeverity = classifying ? severity : inc.severity;
  const needsOwner = to === 'RESOLVED' && ['P0', 'P1'].includes(chosenSeverity) && !(inc.postmortem && inc.postmortem.owner);
  const submit = async e => {
    e.preventDefault();
    const body = { status: to, note: note.trim() };
    if (classifying) body.severity = severity;
    if (needsOwner || (to === 'RESOLVED' && owner.trim())) body.postmortemOwner = owner.trim();
    if (await act.run('status', 'status', body)) {
      clearDraft(draft);
      setNote('');
      setOwner('');
    }
  };
  return html`<form id="incident-status-form" class="action-form" onSubmit=${submit} aria-labelledby="incident-status-title">
    <h3 id="incident-status-title">Next step: <span id="incident-next-step">${statusLabel(to)}</span></h3>
    <p class="muted hint">${statusMeaning(to)}</p>
    ${classifying ? html`<label for="incident-severity-input">Severity</label>
      <select id="incident-severity-input" value=${severity} onChange=${e => setSeverity(e.target.value)}>
        ${SEVERITIES.map(s => html`<option value=${s.id}>${severityOption(s)}</option>`)}</select>` : null}
    ${needsOwner ? html`<label for="incident-pm-owner">Post-mortem owner (required for ${chosenSeverity}: due 48 h after resolving)</label>
      <input id="incident-pm-owner" autocomplete="off" spellcheck=${false} aria-required="true" value=${owner}
        onInput=${e => setOwner(e.target.value)} />` : null}
    <label for="incident-status-note">Note: what was done</label>
    <textarea id="incident-status-note" rows="2" maxlength=${NOTE_MAX} aria-required="true" value=${note}
      onInput=${e => setNote(e.target.value)}></textarea>
    <button type="submit" id="incident-status-submit" disabled=${act.busy === 'status'}>Move to ${statusLabel(to)}</button>
    <${Problem} problem=${act.problemOf('status')} />
  </form>`;
}

function NoteForm({ inc, act }) {
  const draft = 'incidents.note.' + inc.incidentId;
  const [text, setText] = useDraft(draft, '');
  const submit = async e => {
    e.preventDefault();
    if (await act.run('note', 'notes', { text: text.trim() })) {
      clearDraft(draft);
      setText('');
    }
  };
  return html`<form id="incident-note-form" class="action-form" onSubmit=${submit} aria-labelledby="incident-note-title">
    <h3 id="incident-note-title">Add a note</h3>
    <label for="incident-note">Note (up to ${NOTE_MAX} characters)</label>
    <textarea id="incident-note" rows="2" maxlength=${NOTE_MAX} aria-required="true" value=${text}
      onInput=${e => setText(e.target.value)}></textarea>
    <button type="submit" id="incident-note-submit" disabled=${act.busy === 'note'}>Add note</button>
    <${Problem} problem=${act.problemOf('note')} />
  </form>`;
}

function Links({ inc, act, staff }) {
  const [kind, setKind] = useState('order');
  const [id, setId] = useState('');
  const links = inc.links || [];
  const submit = async e => {
    e.preventDefault();
    if (await act.run('link', 'links', { kind, id: id.trim() })) setId('');
  };
  return html`<section class="card" id="incident-links" aria-labelledby="incident-links-title">
    <h2 id="incident-links-title">Links</h2>
    ${links.length ? html`<ul class="plain" id="incident-links-list">${links.map(l => {
      const href = linkHref(l);
      return html`<li data-kind=${l.kind}><span class="tag">${l.kind === 'flag' ? 'kill switch' : l.kind}</span>
        ${href ? html`<a href=${href}><code>${l.id}</code></a>` : html`<code>${l.id}</code>`}
        <span class="muted">${when(l.linkedAt)}${l.actor ? ' by ' + l.actor : ''}</span></li>`;
    })}</ul>` : html`<p class="muted">Nothing linked yet.</p>`}
    ${staff ? html`<form id="incident-link-form" class="action-form" onSubmit=${submit}>
      <div class="row">
        <div><label for="incident-link-kind">Link to</label>
          <select id="incident-link-kind" value=${kind} onChange=${e => setKind(e.target.value)}>
            ${LINK_KINDS.map(([v, label]) => html`<option value=${v}>${label}</option>`)}</select></div>
        <div><label for="incident-link-id">Its id</label>
          <input id="incident-link-id" autocomplete="off" spellcheck=${false} aria-required="true" value=${id} onInput=${e => setId(e.target.value)} /></div>
      </div>
      <button type="submit" id="incident-link-submit" disabled=${act.busy === 'link'}>Add link</button>
      <${Problem} problem=${act.problemOf('link')} />
    </form>` : null}
  </section>`;
}

function KillSwitch({ inc, onChanged }) {
  const flags = useLoad(() => get('/v1/system-flags'), []);
  if (!hasRole(...FLAG_ADMINS)) {
    return html`<p class="muted card" id="incident-kill-switch-who">Kill switches are pulled by ops and super_admin; you are signed in as ${rolesText()}.</p>`;
  }
  if (flags.problem) return html`<${Problem} problem=${flags.problem} />`;
  if (!flags.data) return html`<${Loading} />`;
  return html`<${NewOverride} flags=${flags.data.flags} incidentId=${inc.incidentId} onChanged=${onChanged} />`;
}

const ID_FIELDS = [
  ['orderIds', 'Order ids'], ['payoutIds', 'Payout ids'], ['userIds', 'User ids'], ['findingIds', 'Reconcile finding ids'],
  ['ticketIds', 'Ticket ids'], ['flagKeys', 'Kill switch flags'],
];

function Hash({ e, copied, onCopy, prefix }) {
  return html`<dl class="facts tight evidence-facts">
    <dt>SHA-256</dt><dd><code class="sha256" id=${prefix + '-sha256'}>${e.sha256}</code>
      <${CopyButton} id=${prefix + '-sha256'} text=${e.sha256} label=${'the SHA-256 of ' + e.evidenceId} copied=${copied} onCopy=${onCopy} /></dd>
    <dt>Stored at</dt><dd><code id=${prefix + '-location'}>${e.location}</code>
      <${CopyButton} id=${prefix + '-location'} text=${e.location} label=${'where ' + e.evidenceId + ' is stored'} copied=${copied} onCopy=${onCopy} /></dd>
    ${e.counts ? html`<dt>Rows</dt><dd>${Object.entries(e.counts).map(([k, n]) => k + ' ' + n).join(', ') || 'none'}</dd>` : null}
  </dl>`;
}

function Bundle({ inc, evidenceId }) {
  const [text, setText] = useState(null);
  const [problem, setProblem] = useState(null);
  const show = async () => {
    setProblem(null);
    try {
      setText(await getText(incidentPath(inc.incidentId, 'evidence/' + encodeURIComponent(evidenceId))));
    } catch (p) {
      setProblem(p);
    }
  };
  return html`${text === null ? html`<button type="button" class="link" onClick=${show}>Show the bundle<span class="visually-hidden"> ${evidenceId}</span></button>`
    : html`<pre class="payload bundle" tabindex="0" aria-label=${'Bundle ' + evidenceId}>${text}</pre>`}<${Problem} problem=${problem} />`;
}

/** Collect evidence: the ids and the time range → one write-once bundle, its SHA-256 and where it is stored. */
function Evidence({ inc, act, staff }) {
  const [fields, setFields] = useState({});
  const [from, setFrom] = useState(localInput(new Date(new Date(inc.firstSeenAt || Date.now()).getTime() - 3600000).toISOString()));
  const [to, setTo] = useState(localInput(null));
  const [collected, setCollected] = useState(null);
  const [copied, setCopied] = useCopied();
  const submit = async e => {
    e.preventDefault();
    const body = { from: instant(from), to: instant(to) };
    for (const [name] of ID_FIELDS) body[name] = ids(fields[name]);
    const a = await act.run('evidence', 'evidence', body);
    if (a) {
      setCollected(a.body);
      setFields({});
    }
  };
  const list = inc.evidence || [];
  return html`<section class="card" id="incident-evidence" aria-labelledby="incident-evidence-title">
    <h2 id="incident-evidence-title">Evidence</h2>
    <p class="muted">A snapshot of the rows concerned (orders and their payment events, payouts, ledger entries, audit entries,
      flag states, findings) and the logs of the time range, as one bundle that nobody can alter or delete.</p>
    ${collected ? html`<div class="notice" role="status" id="evidence-collected"><p>✓ Evidence <code>${collected.evidenceId}</code> collected.</p>
      <${Hash} e=${collected} copied=${copied} onCopy=${setCopied} prefix="evidence-new" /></div>` : null}
    ${list.length ? html`<ul class="plain evidence-list" id="incident-evidence-list">${list.map((e, n) => html`<li data-evidence-id=${e.evidenceId}>
      <strong><code>${e.evidenceId}</code></strong> <span class="muted">${when(e.collectedAt)}${e.actor ? ' by ' + e.actor : ''}</span>
      <${Hash} e=${e} copied=${copied} onCopy=${setCopied} prefix=${'evidence-' + n} />
      ${staff ? html`<${Bundle} inc=${inc} evidenceId=${e.evidenceId} />` : null}</li>`)}</ul>`
      : html`<p class="muted">None collected yet.</p>`}
    ${staff ? html`<form id="incident-evidence-form" class="action-form" onSubmit=${submit} aria-labelledby="incident-evidence-form-title">
      <h3 id="incident-evidence-form-title">Collect evidence</h3>
      <p class="muted hint">Ids one a line, or separated by commas.</p>
      <div class="grid evidence-ids">${ID_FIELDS.map(([name, label]) => html`<div><label for=${'evidence-' + name}>${label}</label>
        <textarea id=${'evidence-' + name} rows="2" spellcheck=${false} value=${fields[name] || ''}
          onInput=${e => setFields({ ...fields, [name]: e.target.value })}></textarea></div>`)}</div>
      <div class="row">
        <div><label for="evidence-from">From (your local time)</label>
          <input id="evidence-from" type="datetime-local" value=${from} onInput=${e => setFrom(e.target.value)} /></div>
        <div><label for="evidence-to">To (your local time)</label>
          <input id="evidence-to" type="datetime-local" value=${to} onInput=${e => setTo(e.target.value)} /></div>
      </div>
      <button type="submit" id="incident-evidence-submit" disabled=${act.busy === 'evidence'}>Collect evidence</button>
      <${Problem} problem=${act.problemOf('evidence')} />
    </form>` : null}
  </section>`;
}

/** The internal status update and the user notice (Indonesian and English), filled from the incident by the API. */
function Communication({ inc, version }) {
  const c = useLoad(() => get(incidentPath(inc.incidentId, 'communication')), [inc.incidentId, version]);
  const [copied, setCopied] = useCopied();
  return html`<section class="card" id="incident-communication" aria-labelledby="incident-communication-title">
    <h2 id="incident-communication-title">Communication</h2>
    ${!c.data && !c.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${c.problem} />
    ${c.data ? html`
      <section class="answer" aria-labelledby="comm-internal-title">
        <h3 id="comm-internal-title">Internal status update</h3>
        <p class="answer-text" id="comm-internal">${c.data.internal}</p>
        <${CopyButton} id="comm-internal" text=${c.data.internal} label="the internal status update" copied=${copied} onCopy=${setCopied} />
      </section>
      <h3>Notice to users <span class="muted">(no technical details)</span></h3>
      <div class="answers">
        <section class="answer" lang="id" aria-labelledby="comm-id-title">
          <h4 id="comm-id-title">Bahasa Indonesia</h4>
          <p class="answer-text" id="comm-user-id">${c.data.user && c.data.user.id}</p>
          <${CopyButton} id="comm-user-id" text=${c.data.user && c.data.user.id} label="the Indonesian user notice" copied=${copied} onCopy=${setCopied} />
        </section>
        <section class="answer" lang="en" aria-labelledby="comm-en-title">
          <h4 id="comm-en-title">English</h4>
          <p class="answer-text" id="comm-user-en">${c.data.user && c.data.user.en}</p>
          <${CopyButton} id="comm-user-en" text=${c.data.user && c.data.user.en} label="the English user notice" copied=${copied} onCopy=${setCopied} />
        </section>
      </div>` : null}
  </section>`;
}

const KIND_WORDS = {
  DECLARED: 'Declared', STATUS: 'Status', NOTE: 'Note', LINK: 'Linked', FLAG_CHANGE: 'Kill switch', EVIDENCE: 'Evidence',
  POSTMORTEM: 'Post-mortem', OVERDUE: 'Post-mortem overdue',
};

function TimelineItem({ t }) {
  return html`<li class=${'event' + (t.kind === 'STATUS' || t.kind === 'DECLARED' ? ' check' : '')} data-kind=${t.kind} data-seq=${t.seq}>
    <div class="event-head">
      <h3>${KIND_WORDS[t.kind] || t.kind}${t.status ? html` <${IncidentStatus} status=${t.status} />` : null}</h3>
      <time datetime=${t.at}>${when(t.at)}</time>
      ${t.actor ? html`<span class="muted">by <strong>${t.actor}</strong></span>` : null}
    </div>
    ${t.text ? html`<p class="event-text">${t.text}</p>` : null}
  </li>`;
}

const DONE_WORDS = {
  status: 'Status changed.', note: 'Note added.', link: 'Link added.', evidence: 'Evidence collected.',
};

function Detail({ id }) {
  const loaded = useLoad(() => get(incidentPath(id)), [id]);
  const [version, setVersion] = useState(0);
  const reload = () => { loaded.reload(); setVersion(v => v + 1); };
  const act = usePageActions(verb => incidentPath(id, verb), reload);
  const inc = loaded.data;
  const staff = hasRole(...INCIDENT_STAFF);
  const doneRef = useRef(null);
  useEffect(() => { if (act.done && doneRef.current) doneRef.current.focus(); }, [act.done]);
  const timeline = inc ? inc.timeline || [] : [];
  return html`<p><a href="#/incidents">← Incidents</a></p>
    <h1>${inc ? inc.title : html`Incident <code>${id}</code>`}</h1>
    ${!inc && !loaded.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${loaded.problem} />
    <${WhoMay} problem=${loaded.problem}>${WHO_MAY_INCIDENTS}</${WhoMay}>
    ${act.done ? html`<p class="notice" role="status" id="incident-done" tabindex="-1" ref=${doneRef}>✓ ${DONE_WORDS[act.done.name] || 'Saved.'}</p>` : null}
    ${inc ? html`
      <${Header} inc=${inc} />
      ${staff ? html`<section class="card" id="incident-actions" aria-labelledby="incident-actions-title">
        <h2 id="incident-actions-title">Work on it</h2>
        <${StatusForm} inc=${inc} act=${act} />
      </section>` : html`<p class="muted" id="incident-read-only">Moving an incident, linking, kill switches and evidence need the role
        ops, finance or super_admin; you are signed in as ${rolesText()}. You may add a note.</p>`}
      ${staff ? html`<${KillSwitch} inc=${inc} onChanged=${reload} />` : null}
      <section class="card" id="incident-timeline" aria-labelledby="incident-timeline-title">
        <h2 id="incident-timeline-title">Timeline <span class="muted">(oldest first)</span></h2>
        ${timeline.length ? html`<ol class="timeline" id="incident-timeline-list">${timeline.map(t => html`<${TimelineItem} key=${t.seq} t=${t} />`)}</ol>`
          : html`<p class="muted">Nothing yet.</p>`}
        <${NoteForm} inc=${inc} act=${act} />
      </section>
      <${Links} inc=${inc} act=${act} staff=${staff} />
      <${Evidence} inc=${inc} act=${act} staff=${staff} />
      <${Communication} inc=${inc} version=${version} />
      <button type="button" class="link" id="incident-refresh" onClick=${reload}>Refresh</button>` : null}`;
}

function IncidentsPage({ params, query: q }) {
  if (params.id) return html`<${Detail} key=${params.id} id=${params.id} />`;
  const read = name => ((q && q.get(name)) || '').trim();
  const status = STEPS.includes(read('status')) ? read('status') : '';
  return html`<${List} status=${status} cursor=${read('cursor')} newOpen=${read('new') === '1'} />`;
}

export default { path: '/incidents', alsoAt: ['/incidents/:id'], title: 'Incidents', menuRoles: INCIDENT_REPORTERS, Page: IncidentsPage };
