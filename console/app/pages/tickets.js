// Tickets: the dashboard of what users reported (bugs, suggestions, criticism, questions), sorted and filtered in the
// address (#/tickets?status=OPEN&priority=HIGH&sort=-createdAt) so that a view is a link to share, with the followed-up
// toggle on each row and a form to file a ticket for a user; and one ticket's page: its facts, its history, and the
// staff's actions (priority, assignment, status, follow-up, links, comments internal or to the user, and for a bug
// "reproduced" then "fixed", which grants the reporter EXP once). Each button is one user action with one
// Idempotency-Key, so a double click changes nothing twice.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { get, query } from '../lib/api.js';
import { user, hasRole } from '../lib/session.js';
import { useUserAction, usePageActions } from '../lib/actions.js';
import { useDraft, clearDraft } from '../lib/drafts.js';
import { amountText } from '../lib/money.js';
import { waited } from '../lib/stuck.js';
import {
  TicketStatus, TicketType, Priority, TICKET_STATUSES, TICKET_TYPES, TICKET_PRIORITIES, NEXT_STATUSES, TICKET_STAFF,
  WHO_MAY_TICKETS, statusLabel, statusMeaning, typeLabel, priorityLabel, ticketLink, supportLink, LOOKUP_READERS,
} from '../lib/tickets.js';

const PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SORTS = [
  ['-createdAt', 'Newest first'],
  ['createdAt', 'Oldest first'],
  ['priority', 'Most urgent first'],
  ['-priority', 'Least urgent first'],
];
const FILTERS = ['status', 'type', 'priority', 'assignee', 'followedUp', 'userId', 'from', 'to'];
// the limits the API holds (it names the field when one is broken); here so a person sees them before sending
const TITLE_MAX = 200;
const BODY_MAX = 5000;
const COMMENT_MAX = 5000;
const NOTE_MAX = 2000;

// ---- the address: #/tickets?status=&type=&priority=&assignee=&followedUp=&userId=&from=&to=&sort=&cursor=&new=1

function filtersOf(q) {
  const read = name => ((q && q.get(name)) || '').trim();
  const f = {};
  for (const name of [...FILTERS, 'sort', 'cursor', 'limit']) f[name] = read(name);
  if (!['true', 'false'].includes(f.followedUp)) f.followedUp = '';
  return f;
}

function link(filters) {
  return '#/tickets' + query(filters);
}

function ticketPath(id, verb) {
  return '/v1/support/tickets/' + encodeURIComponent(id) + (verb ? '/' + verb : '');
}

/** The day after a UTC day: the API's `to` is exclusive, and the form's "to" day is included. */
function dayAfter(day) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10) + 'T00:00:00Z';
}

function apiQuery(f) {
  return query({ status: f.status, type: f.type, priority: f.priority, assignee: f.assignee, followedUp: f.followedUp,
    userId: f.userId, from: DAY.test(f.from) ? f.from + 'T00:00:00Z' : f.from, to: DAY.test(f.to) ? dayAfter(f.to) : f.to,
    sort: f.sort || '-createdAt', cursor: f.cursor, limit: f.limit || PAGE_SIZE });
}

/** A ticket's page answer: the ticket and its history, however the API nests them. */
function ticketOf(answer) {
  return answer && answer.ticket ? answer.ticket : answer;
}

function historyOf(answer) {
  return (answer && (answer.history || (answer.ticket && answer.ticket.history))) || [];
}

function rolesText() {
  const me = user();
  return me && me.roles.length ? me.roles.join(', ') : 'no role';
}

// ---- the dashboard

function QuickViews({ filters }) {
  const me = user();
  const keep = { sort: filters.sort, limit: filters.limit };
  const only = (name, value) => FILTERS.every(f => f === name ? filters[f] === value : !filters[f]);
  const views = [
    ['All', { ...keep }, FILTERS.every(f => !filters[f])],
    ['Open', { ...keep, status: 'OPEN' }, only('status', 'OPEN')],
    ['In progress', { ...keep, status: 'IN_PROGRESS' }, only('status', 'IN_PROGRESS')],
    ['Resolved', { ...keep, status: 'RESOLVED' }, only('status', 'RESOLVED')],
    ['Not followed up', { ...keep, followedUp: 'false' }, only('followedUp', 'false')],
    ['Bugs', { ...keep, type: 'BUG' }, only('type', 'BUG')],
    ...(me ? [['Assigned to me', { ...keep, assignee: me.sub }, only('assignee', me.sub)]] : []),
  ];
  return html`<nav aria-label="Quick views"><ul class="tabs">${views.map(([label, f, current]) => html`<li><a href=${link(f)}
    aria-current=${current ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>`;
}

function Filters({ filters }) {
  const [f, setF] = useState(filters);
  const set = name => e => setF({ ...f, [name]: e.target.value });
  const submit = e => {
    e.preventDefault();
    // new filters start again at the first page
    const next = { sort: filters.sort, limit: filters.limit };
    for (const name of FILTERS) next[name] = (f[name] || '').trim();
    location.hash = link(next);
  };
  const count = FILTERS.filter(name => filters[name]).length;
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 800px)').matches;
  return html`<details class="card filter-panel" open=${wide || undefined}>
    <summary><h2 id="ticket-filters-title">Filter</h2>${count ? html` <span class="muted">(${count} set)</span>` : null}</summary>
    <form id="ticket-filters" onSubmit=${submit} aria-labelledby="ticket-filters-title">
      <div class="row">
        <div><label for="filter-status">Status</label>
          <select id="filter-status" value=${f.status} onChange=${set('status')}>
            <option value="">Any status</option>${TICKET_STATUSES.map(s => html`<option value=${s}>${statusLabel(s)}</option>`)}
          </select></div>
        <div><label for="filter-type">Type</label>
          <select id="filter-type" value=${f.type} onChange=${set('type')}>
            <option value="">Any type</option>${TICKET_TYPES.map(t => html`<option value=${t}>${typeLabel(t)}</option>`)}
          </select></div>
        <div><label for="filter-priority">Priority</label>
          <select id="filter-priority" value=${f.priority} onChange=${set('priority')}>
            <option value="">Any priority</option>${TICKET_PRIORITIES.map(p => html`<option value=${p}>${priorityLabel(p)}</option>`)}
          </select></div>
        <div><label for="filter-followed-up">Followed up</label>
          <select id="filter-followed-up" value=${f.followedUp} onChange=${set('followedUp')}>
            <option value="">Either</option><option value="true">Followed up</option><option value="false">Not followed up</option>
          </select></div>
      </div>
      <div class="row">
        <div><label for="filter-assignee">Assignee</label>
          <input id="filter-assignee" autocomplete="off" spellcheck=${false} value=${f.assignee} onInput=${set('assignee')} /></div>
        <div><label for="filter-user">User id</label>
          <input id="filter-user" autocomplete="off" spellcheck=${false} value=${f.userId} onInput=${set('userId')} /></div>
        <div><label for="filter-from">Created from (UTC day)</label>
          <input id="filter-from" type="date" value=${f.from} onInput=${set('from')} /></div>
        <div><label for="filter-to">Created to (UTC day, included)</label>
          <input id="filter-to" type="date" value=${f.to} onInput=${set('to')} /></div>
      </div>
      <button type="submit" id="ticket-filters-submit">Show tickets</button>
      ${count ? html`<a class="button-like" href=${link({ sort: filters.sort })} id="clear-filters">Clear filters</a>` : null}
    </form>
  </details>`;
}

function SortBy({ filters }) {
  return html`<div class="toolbar sort-by"><label for="ticket-sort" class="inline-label">Sort</label>
    <select id="ticket-sort" value=${filters.sort || '-createdAt'}
      onChange=${e => { location.hash = link({ ...filters, sort: e.target.value, cursor: '' }); }}>
      ${SORTS.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
    </select></div>`;
}

function FollowedUp({ t, action, onChange }) {
  const name = 'follow:' + t.ticketId;
  return html`<label class="check follow-up"><input type="checkbox" class="follow-up-toggle" checked=${!!t.followedUp}
      disabled=${action.busy === name} onChange=${e => onChange(t, e.target.checked)} />
    <span>${t.followedUp ? 'Yes' : 'No'}</span><span class="visually-hidden"> (followed up: ${t.title})</span></label>`;
}

/** "tkt-46c98371…": enough to tell tickets apart in a list; the ticket's page shows it in full. */
function shortId(id) {
  return id && id.length > 16 ? id.slice(0, 12) + '…' : id;
}

function Row({ t, action, onFollow }) {
  return html`<tr data-ticket-id=${t.ticketId} data-status=${t.status} data-priority=${t.priority || ''}>
    <td data-label="Ticket" class="ticket-cell"><span><a href=${ticketLink(t.ticketId)} class="ticket-title">${t.title}</a><br />
      <code class="muted" title=${t.ticketId}>${shortId(t.ticketId)}</code></span></td>
    <td data-label="Type"><span><${TicketType} type=${t.type} /></span></td>
    <td data-label="Priority"><span><${Priority} priority=${t.priority} /></span></td>
    <td data-label="Status"><span><${TicketStatus} status=${t.status} /></span></td>
    <td data-label="Assignee"><span>${t.assignee ? html`<code>${t.assignee}</code>` : html`<span class="muted">nobody</span>`}</span></td>
    <td data-label="Followed up"><span><${FollowedUp} t=${t} action=${action} onChange=${onFollow} /></span></td>
    <td data-label="User"><span>${hasRole(...LOOKUP_READERS) ? html`<a href=${supportLink(t.userId)} title="Look this user up"><code>${t.userId}</code></a>`
      : html`<code>${t.userId}</code>`}</span></td>
    <td data-label="Created"><span><time datetime=${t.createdAt}>${when(t.createdAt)}</time></span></td>
  </tr>`;
}

function listTitle(filters) {
  const parts = [];
  if (filters.followedUp === 'false') parts.push('not followed-up');
  if (filters.followedUp === 'true') parts.push('followed-up');
  if (filters.priority) parts.push(priorityLabel(filters.priority).toLowerCase() + '-priority');
  if (filters.status) parts.push(statusLabel(filters.status).toLowerCase());
  let title = parts.join(' ') + ' ' + (filters.type ? typeLabel(filters.type).toLowerCase() + ' tickets' : 'tickets');
  title = title.trim();
  title = parts.length || filters.type ? title.charAt(0).toUpperCase() + title.slice(1) : 'Every ticket';
  if (filters.assignee) title += ' assigned to ' + filters.assignee;
  if (filters.userId) title += ' of ' + filters.userId;
  if (filters.from || filters.to) title += ', created ' + (filters.from || '…') + ' to ' + (filters.to || '…');
  return title + (filters.cursor ? ' (a later page)' : '');
}

function NewTicket({ userId, open }) {
  const [who, setWho] = useDraft('tickets.new.userId', userId || '');
  const [type, setType] = useDraft('tickets.new.type', 'BUG');
  const [title, setTitle] = useDraft('tickets.new.title', '');
  const [body, setBody] = useDraft('tickets.new.body', '');
  const [email, setEmail] = useDraft('tickets.new.email', '');
  const [phone, setPhone] = useDraft('tickets.new.phone', '');
  const sender = useUserAction();
  const [problem, setProblem] = useState(null);
  useEffect(() => { if (userId) setWho(userId); }, [userId]);
  const named = field => !!problem && problem.errors.some(e => e.field === field || e.field.startsWith(field + '.')) ? 'true' : undefined;
  const submit = async e => {
    e.preventDefault();
    const request = { userId: who.trim(), type, title: title.trim(), body: body.trim() };
    const contact = {};
    if (email.trim()) contact.email = email.trim();
    if (phone.trim()) contact.phone = phone.trim();
    if (Object.keys(contact).length) request.contact = contact;
    const a = await sender.send('new-ticket', '/v1/support/tickets', request);
    if (!a) return;
    setProblem(a.problem || null);
    if (a.body) {
      ['userId', 'type', 'title', 'body', 'email', 'phone'].forEach(f => clearDraft('tickets.new.' + f));
      location.hash = ticketLink(ticketOf(a.body).ticketId);
    }
  };
  return html`<details class="card" id="new-ticket" open=${open || undefined}>
    <summary><h2 id="new-ticket-title">File a ticket for a user</h2></summary>
    <form onSubmit=${submit} aria-labelledby="new-ticket-title" id="new-ticket-form">
      <div class="row">
        <div><label for="new-ticket-user">User id</label>
          <input id="new-ticket-user" autocomplete="off" spellcheck=${false} aria-required="true" aria-invalid=${named('userId')}
            value=${who} onInput=${e => setWho(e.target.value)} /></div>
        <div><label for="new-ticket-type">Type</label>
          <select id="new-ticket-type" value=${type} aria-invalid=${named('type')} onChange=${e => setType(e.target.value)}>
            ${TICKET_TYPES.map(t => html`<option value=${t}>${typeLabel(t)}</option>`)}</select></div>
      </div>
      <label for="new-ticket-title-input">Title (up to ${TITLE_MAX} characters)</label>
      <input id="new-ticket-title-input" autocomplete="off" aria-required="true" maxlength=${TITLE_MAX} aria-invalid=${named('title')}
        value=${title} onInput=${e => setTitle(e.target.value)} />
      <label for="new-ticket-body">What the user reported (up to ${BODY_MAX} characters)</label>
      <textarea id="new-ticket-body" rows="4" aria-required="true" maxlength=${BODY_MAX} aria-invalid=${named('body')}
        value=${body} onInput=${e => setBody(e.target.value)}></textarea>
      <div class="row">
        <div><label for="new-ticket-email">Email for the EXP notice (optional)</label>
          <input id="new-ticket-email" type="email" autocomplete="off" aria-invalid=${named('contact')} value=${email}
            onInput=${e => setEmail(e.target.value)} /></div>
        <div><label for="new-ticket-phone">Phone for WhatsApp (optional)</label>
          <input id="new-ticket-phone" type="tel" autocomplete="off" aria-invalid=${named('contact')} value=${phone}
            onInput=${e => setPhone(e.target.value)} /></div>
      </div>
      <button type="submit" id="new-ticket-submit" disabled=${sender.busy === 'new-ticket'}>File ticket</button>
      <${Problem} problem=${problem} />
    </form>
  </details>`;
}

function Duration({ summary }) {
  if (!summary || !summary.count) return html`<span class="muted">none yet</span>`;
  return html`median <strong>${waited(summary.median)}</strong>, p90 <strong>${waited(summary.p90)}</strong>${' '}<span
    class="muted">(of ${summary.count})</span>`;
}

/** The last 30 days as GET /v1/support/metrics answers them: response and resolution times, volume by type, CSAT. */
function Metrics() {
  const m = useLoad(() => get('/v1/support/metrics'), []);
  if (!m.data) return null;
  const d = m.data;
  const csat = d.csat || {};
  // on a phone it starts folded, so the list comes first
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 800px)').matches;
  return html`<details class="card metrics filter-panel" id="ticket-metrics" open=${wide || undefined}>
    <summary><h2 id="ticket-metrics-title">Last 30 days</h2> <span class="muted">${d.tickets} filed${csat.count
      ? ', CSAT ' + String(csat.average) : ''}</span></summary>
    <p class="muted hint">Tickets filed ${d.from.slice(0, 10)} to ${d.to.slice(0, 10)} (UTC).</p>
    <dl class="facts tight">
      <dt>Filed</dt><dd id="metrics-volume"><strong>${d.tickets}</strong>${' '}<span class="muted">${TICKET_TYPES.map(t =>
        typeLabel(t).toLowerCase() + ' ' + ((d.volumeByType || {})[t] || 0)).join(' · ')}</span></dd>
      <dt>First response</dt><dd id="metrics-first-response"><${Duration} summary=${d.firstResponseSeconds} /></dd>
      <dt>Resolution</dt><dd id="metrics-resolution"><${Duration} summary=${d.resolutionSeconds} /></dd>
      <dt>CSAT</dt><dd id="metrics-csat">${csat.count ? html`<strong>${String(csat.average)}</strong> of 5 from${' '}
        ${csat.count}${' '}${csat.count === 1 ? 'rating' : 'ratings'}${' '}<span class="muted">(${[5, 4, 3, 2, 1].map(r => r + '★ '
          + ((csat.distribution || {})[r] || 0)).join(' · ')})</span>`
        : html`<span class="muted">no ratings yet</span>`}</dd>
    </dl>
  </details>`;
}

function Dashboard({ filters, newFor }) {
  const key = link(filters);
  const list = useLoad(() => get('/v1/support/tickets' + apiQuery(filters)).then(page => ({ key, page })), [key]);
  const page = list.data && list.data.key === key ? list.data.page : null;
  const [changed, setChanged] = useState({});
  const follow = useUserAction();
  const [problem, setProblem] = useState(null);
  useEffect(() => setChanged({}), [key]);
  const onFollow = async (t, followedUp) => {
    const a = await follow.send('follow:' + t.ticketId, ticketPath(t.ticketId, 'follow-up'), { followedUp });
    if (!a) return;
    setProblem(a.problem || null);
    if (a.body) setChanged(c => ({ ...c, [t.ticketId]: { ...t, ...ticketOf(a.body), followedUp } }));
  };
  const forbidden = list.problem && list.problem.status === 403;
  const items = page ? (page.items || page.tickets || []).map(t => changed[t.ticketId] || t) : [];
  return html`<h1>Tickets</h1>
    ${forbidden ? null : html`<${Metrics} /><${NewTicket} key=${newFor || ''} userId=${newFor} open=${!!newFor} />
      <${QuickViews} filters=${filters} /><${Filters} key=${key} filters=${filters} />`}
    ${!page && !list.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    <${WhoMay} problem=${list.problem}>${WHO_MAY_TICKETS}</${WhoMay}>
    ${problem ? html`<div id="follow-problem"><${Problem} problem=${problem} /></div>` : null}
    ${page ? html`<section aria-labelledby="ticket-list-title">
      <div class="list-head"><h2 id="ticket-list-title" tabindex="-1">${listTitle(filters)}</h2><${SortBy} filters=${filters} /></div>
      ${items.length === 0 ? html`<p id="tickets-empty"><span class="badge ok">● None</span> No tickets${page.nextCursor
        ? ' on this page; there are more on the next' : ' match these filters'}.</p>` : html`
      <table class="stack tickets-table" id="tickets">
        <thead><tr><th scope="col">Ticket</th><th scope="col">Type</th><th scope="col">Priority</th><th scope="col">Status</th>
          <th scope="col">Assignee</th><th scope="col">Followed up</th><th scope="col">User</th><th scope="col">Created</th></tr></thead>
        <tbody>${items.map(t => html`<${Row} key=${t.ticketId} t=${t} action=${follow} onFollow=${onFollow} />`)}</tbody>
      </table>`}
      <nav class="pager" aria-label="Pages of tickets">
        ${filters.cursor ? html`<a href=${link({ ...filters, cursor: '' })}>First page</a>` : null}
        ${page.nextCursor ? html`<a id="tickets-next" href=${link({ ...filters, cursor: page.nextCursor })}>Next page</a>`
          : html`<span class="muted">No more tickets.</span>`}
        <button type="button" class="link" id="tickets-refresh" onClick=${() => { setChanged({}); list.reload(); }}>Refresh</button>
      </nav>
    </section>` : null}`;
}

// ---- one ticket

function Fact({ term, children }) {
  return html`<dt>${term}</dt><dd>${children}</dd>`;
}

/** A mark on a bug (reproduced, fixed) as the API records it: an object with who and when, or a time. */
function markOf(t, name) {
  const m = t[name];
  if (m && typeof m === 'object') return { at: m.at || m.markedAt, by: m.by || m.markedBy, note: m.note };
  if (typeof m === 'string') return { at: m, by: t[name + 'By'], note: t[name + 'Note'] };
  if (t[name + 'At']) return { at: t[name + 'At'], by: t[name + 'By'], note: t[name + 'Note'] };
  return null;
}

/** Where the EXP notice goes, without the address itself: the lookup masks contacts for support, so the ticket does too. */
function contactText(contact) {
  const ways = [];
  if (contact && contact.email) ways.push('email');
  if (contact && contact.phone) ways.push('WhatsApp');
  return ways.length ? ways.join(' and ') : html`<span class="muted">the user’s account only (no contact given)</span>`;
}

function Mark({ mark }) {
  return html`${when(mark.at)}${mark.by ? html` by <strong>${mark.by}</strong>` : null}${mark.note
    ? html`: <span class="reason">“${mark.note}”</span>` : null}`;
}

/** The EXP of a bug: granted once, shown with its ledger entry; nothing before the grant. */
function Exp({ t }) {
  const exp = t.exp;
  const fixed = markOf(t, 'fixed');
  if (exp && (exp.amount != null || exp.entryId)) {
    return html`<p id="ticket-exp" class="notice exp-granted" role="status"><span class="badge ok">★ EXP granted</span>${' '}
      <strong class="exp-amount">${amountText(String(exp.amount), 'EXP')}</strong> to <code>${t.userId}</code>${exp.grantedAt
        ? ' ' + when(exp.grantedAt) : ''}${exp.entryId ? html`, ledger entry <code>${exp.entryId}</code>` : null}.</p>`;
  }
  if (fixed || t.expPending) {
    return html`<p id="ticket-exp" class="muted"><span class="badge warn">◷ EXP being granted</span> The fix is recorded; the
      hourly ticket keeper finishes a grant that was interrupted.</p>`;
  }
  return html`<p id="ticket-exp" class="muted">The reporter earns EXP (by priority, from the config) once the bug is marked
    reproduced and then fixed.</p>`;
}

function NoteForm({ id, label, button, onSend, busy, problem }) {
  const [note, setNote] = useDraft(id, '');
  const submit = async e => {
    e.preventDefault();
    if (await onSend(note.trim())) {
      clearDraft(id);
      setNote('');
    }
  };
  return html`<form class="note-form" id=${id.replace(/[^a-z0-9-]/gi, '-')} onSubmit=${submit}>
    <label for=${id + '-note'}>${label}</label>
    <textarea id=${id + '-note'} rows="2" maxlength=${NOTE_MAX} value=${note} onInput=${e => setNote(e.target.value)}></textarea>
    <button type="submit" disabled=${busy}>${button}</button>
    <${Problem} problem=${problem} />
  </form>`;
}

function BugWork({ t, act }) {
  const reproduced = markOf(t, 'reproduced');
  const fixed = markOf(t, 'fixed');
  const staff = hasRole(...TICKET_STAFF);
  return html`<section class="card" id="ticket-bug" aria-labelledby="ticket-bug-title">
    <h2 id="ticket-bug-title">Bug: reproduced, fixed, EXP</h2>
    <dl class="facts tight">
      <${Fact} term="Reproduced">${reproduced ? html`<span id="ticket-reproduced"><span class="badge ok">✓</span> <${Mark} mark=${reproduced} /></span>`
        : html`<span class="muted" id="ticket-reproduced">not yet</span>`}</${Fact}>
      <${Fact} term="Fixed">${fixed ? html`<span id="ticket-fixed"><span class="badge ok">✓</span> <${Mark} mark=${fixed} /></span>`
        : html`<span class="muted" id="ticket-fixed">not yet</span>`}</${Fact}>
    </dl>
    <${Exp} t=${t} />
    ${!staff ? null : !reproduced ? html`<${NoteForm} id=${'tickets.reproduced.' + t.ticketId} label="How it was reproduced (optional)"
        button="Mark reproduced" busy=${act.busy === 'reproduced'} problem=${act.problemOf('reproduced')}
        onSend=${note => act.run('reproduced', 'reproduced', note ? { note } : {})} />`
      : !fixed ? html`<${NoteForm} id=${'tickets.fixed.' + t.ticketId} label="What fixed it (optional)" button="Mark fixed and grant EXP"
        busy=${act.busy === 'fixed'} problem=${act.problemOf('fixed')}
        onSend=${note => act.run('fixed', 'fixed', note ? { note } : {})} />` : null}
  </section>`;
}

function StatusForm({ t, act }) {
  const next = NEXT_STATUSES[t.status] || [];
  const [to, setTo] = useState(next[0] || '');
  const [note, setNote] = useDraft('tickets.status.note.' + t.ticketId, '');
  useEffect(() => setTo(next[0] || ''), [t.status]);
  if (!next.length) {
    return html`<p id="ticket-status-final" class="muted"><strong>Status:</strong> ${statusLabel(t.status)} is final: a problem that
      comes back is a new ticket.</p>`;
  }
  const reopening = t.status === 'RESOLVED';
  const submit = async e => {
    e.preventDefault();
    const body = { status: to };
    if (note.trim()) body.note = note.trim();
    if (await act.run('status', 'status', body)) {
      clearDraft('tickets.status.note.' + t.ticketId);
      setNote('');
    }
  };
  return html`<form id="ticket-status-form" class="action-form" onSubmit=${submit} aria-labelledby="ticket-status-form-title">
    <h3 id="ticket-status-form-title">Status</h3>
    <label for="ticket-next-status">${reopening ? 'Reopen to' : 'Move to'}</label>
    <select id="ticket-next-status" value=${to} onChange=${e => setTo(e.target.value)}>
      ${next.map(s => html`<option value=${s}>${statusLabel(s)}</option>`)}</select>
    <label for="ticket-status-note">${reopening ? 'Why it is reopened (required)' : 'Note (optional): what was done'}</label>
    <textarea id="ticket-status-note" rows="2" maxlength=${NOTE_MAX} aria-required=${reopening ? 'true' : undefined} value=${note}
      onInput=${e => setNote(e.target.value)}></textarea>
    <button type="submit" id="ticket-status-submit" disabled=${act.busy === 'status'}>${reopening ? 'Reopen' : 'Change status'}</button>
    ${t.status === 'RESOLVED' ? html`<p class="muted hint">Closed when the user confirms it, or by itself 7 days after it was
      resolved.</p>` : null}
    <${Problem} problem=${act.problemOf('status')} />
  </form>`;
}

function PriorityForm({ t, act }) {
  const [priority, setPriority] = useState(t.priority || 'MEDIUM');
  useEffect(() => setPriority(t.priority || 'MEDIUM'), [t.priority]);
  return html`<form id="ticket-priority-form" class="action-form" onSubmit=${e => { e.preventDefault(); act.run('priority', 'priority', { priority }); }}
    aria-labelledby="ticket-priority-form-title">
    <label for="ticket-priority" id="ticket-priority-form-title">Priority${t.type === 'BUG' ? ' (sets the EXP of a fixed bug)' : ''}</label>
    <div class="inline-field"><select id="ticket-priority" value=${priority} onChange=${e => setPriority(e.target.value)}>
      ${TICKET_PRIORITIES.map(p => html`<option value=${p}>${priorityLabel(p)}</option>`)}</select>
      <button type="submit" id="ticket-priority-submit" disabled=${act.busy === 'priority'}>Set priority</button></div>
    <${Problem} problem=${act.problemOf('priority')} />
  </form>`;
}

function AssignForm({ t, act }) {
  const me = user();
  const [assignee, setAssignee] = useState(t.assignee || '');
  useEffect(() => setAssignee(t.assignee || ''), [t.assignee]);
  return html`<form id="ticket-assign-form" class="action-form" onSubmit=${e => { e.preventDefault(); act.run('assign', 'assign', { assignee: assignee.trim() || null }); }}
    aria-labelledby="ticket-assign-form-title">
    <label for="ticket-assignee" id="ticket-assign-form-title">Assignee (a staff member’s name)</label>
    <div class="inline-field"><input id="ticket-assignee" autocomplete="off" spellcheck=${false} value=${assignee}
        onInput=${e => setAssignee(e.target.value)} />
      <button type="submit" id="ticket-assign-submit" disabled=${act.busy === 'assign'}>Assign</button></div>
    ${me && t.assignee !== me.sub ? html`<button type="button" class="secondary" id="ticket-assign-me" disabled=${act.busy === 'assign'}
      onClick=${() => act.run('assign', 'assign', { assignee: me.sub })}>Assign to me</button>` : null}
    <${Problem} problem=${act.problemOf('assign')} />
  </form>`;
}

function Links({ t, act }) {
  const [kind, setKind] = useState('finding');
  const [id, setId] = useState('');
  const links = t.links || [];
  const submit = async e => {
    e.preventDefault();
    if (await act.run('link', 'links', { kind, id: id.trim() })) setId('');
  };
  return html`<div id="ticket-links">
    <h3>Links</h3>
    ${links.length ? html`<ul class="plain" id="ticket-links-list">${links.map(l => html`<li data-kind=${l.kind}>
      <span class="tag">${l.kind}</span> ${l.kind === 'finding' && hasRole('ops', 'finance', 'super_admin')
        ? html`<a href=${'#/reconcile' + query({ status: 'OPEN' })}><code>${l.id}</code></a>` : html`<code>${l.id}</code>`}
      ${l.at || l.linkedAt ? html` <span class="muted">${when(l.at || l.linkedAt)}${l.by || l.linkedBy ? ' by ' + (l.by || l.linkedBy) : ''}</span>` : null}
    </li>`)}</ul>` : html`<p class="muted">Not linked to a reconcile finding or an incident.</p>`}
    <form id="ticket-link-form" class="action-form" onSubmit=${submit}>
      <div class="row">
        <div><label for="ticket-link-kind">Link to</label>
          <select id="ticket-link-kind" value=${kind} onChange=${e => setKind(e.target.value)}>
            <option value="finding">a reconcile finding</option><option value="incident">an incident</option></select></div>
        <div><label for="ticket-link-id">Its id (<code>f-…</code> or <code>inc-…</code>)</label>
          <input id="ticket-link-id" autocomplete="off" spellcheck=${false} value=${id} onInput=${e => setId(e.target.value)} /></div>
      </div>
      <button type="submit" id="ticket-link-submit" disabled=${act.busy === 'link'}>Add link</button>
      <${Problem} problem=${act.problemOf('link')} />
    </form>
  </div>`;
}

function CommentForm({ t, act }) {
  const draft = 'tickets.comment.' + t.ticketId;
  const [body, setBody] = useDraft(draft, '');
  const [visibility, setVisibility] = useState('INTERNAL');
  const submit = async e => {
    e.preventDefault();
    if (await act.run('comment', 'comments', { body: body.trim(), visibility })) {
      clearDraft(draft);
      setBody('');
    }
  };
  return html`<form id="ticket-comment-form" class="action-form" onSubmit=${submit} aria-labelledby="ticket-comment-title">
    <h3 id="ticket-comment-title">Add a comment</h3>
    <fieldset><legend>Who reads it</legend>
      <label class="radio"><input type="radio" name="comment-visibility" id="comment-internal" value="INTERNAL"
        checked=${visibility === 'INTERNAL'} onChange=${() => setVisibility('INTERNAL')} /><span><strong>Internal</strong>: staff only</span></label>
      <label class="radio"><input type="radio" name="comment-visibility" id="comment-user" value="USER"
        checked=${visibility === 'USER'} onChange=${() => setVisibility('USER')} /><span><strong>To the user</strong>: they read it</span></label>
    </fieldset>
    <label for="ticket-comment-body">Comment (up to ${COMMENT_MAX} characters)</label>
    <textarea id="ticket-comment-body" rows="3" maxlength=${COMMENT_MAX} aria-required="true" value=${body}
      onInput=${e => setBody(e.target.value)}></textarea>
    <button type="submit" id="ticket-comment-submit" disabled=${act.busy === 'comment'}>${visibility === 'USER' ? 'Send to the user' : 'Add internal comment'}</button>
    <${Problem} problem=${act.problemOf('comment')} />
  </form>`;
}

const HISTORY_WORDS = {
  CREATED: 'Filed', COMMENT: 'Comment', PRIORITY: 'Priority', ASSIGNED: 'Assignment', FOLLOW_UP: 'Follow-up',
  STATUS: 'Status', LINKED: 'Linked', REPRODUCED: 'Marked reproduced', FIXED: 'Marked fixed', EXP_GRANTED: 'EXP granted',
  CONFIRMED: 'The user confirmed', AUTO_CLOSED: 'Closed: resolved for 7 days',
};

function Change({ from, to, label }) {
  const shown = v => (v === '' || v == null ? html`<span class="muted">nobody</span>` : html`<code>${label ? label(v) : v}</code>`);
  return html`<span class="change">${from !== undefined ? html`${shown(from)} → ` : null}${shown(to)}</span>`;
}

/** What a history item says beyond its kind: the change, the link, the EXP, the rating. */
function historyDetail(h) {
  const d = h.detail || {};
  switch (h.kind) {
    case 'CREATED': return html`<${TicketType} type=${d.type} /> for <code>${d.userId}</code>`;
    case 'PRIORITY': return html`<${Change} from=${d.from} to=${d.to} label=${priorityLabel} />`;
    case 'ASSIGNED': return html`<${Change} from=${d.from} to=${d.to} />`;
    case 'STATUS': return html`<${Change} from=${d.from} to=${d.to} label=${statusLabel} />`;
    case 'FOLLOW_UP': return d.followedUp === 'true' ? 'marked followed up' : 'marked not followed up';
    case 'LINKED': return html`${d.kind === 'finding' ? 'reconcile finding' : d.kind} <code>${d.id}</code>`;
    case 'EXP_GRANTED': return html`<strong class="exp-amount">${amountText(String(d.exp), 'EXP')}</strong>, ledger entry <code>${d.entryId}</code>`;
    case 'CONFIRMED': return html`rated ${d.rating} of 5`;
    default: return null;
  }
}

function HistoryItem({ h }) {
  const d = h.detail || {};
  const what = historyDetail(h);
  const comment = h.kind === 'COMMENT';
  return html`<li class=${'event' + (comment ? ' comment' : '')} data-kind=${h.kind} data-visibility=${h.visibility || ''}>
    <div class="event-head">
      <h3>${HISTORY_WORDS[h.kind] || words(h.kind)}${h.visibility ? html` <span class=${'badge ' + (h.visibility === 'USER' ? 'warn' : 'neutral')}>${h.visibility === 'USER'
        ? '✉ To the user' : '▣ Internal'}</span>` : null}</h3>
      <time datetime=${h.at}>${when(h.at)}</time>
      ${h.actor ? html`<span class="muted">by <strong>${h.actor}</strong></span>` : null}
    </div>
    ${what ? html`<p class="event-detail">${what}</p>` : null}
    ${comment ? html`<p class="comment-body">${d.body}</p>` : null}
    ${d.note ? html`<p class="reason">“${d.note}”</p>` : null}
    ${d.comment ? html`<p class="reason">“${d.comment}”</p>` : null}
  </li>`;
}

function words(name) {
  const s = String(name || '').replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const DONE_WORDS = {
  status: 'Status changed.', priority: 'Priority set.', assign: 'Assigned.', follow: 'Follow-up saved.', link: 'Link added.',
  comment: 'Comment added.', reproduced: 'Marked reproduced.', fixed: 'Marked fixed.',
};

function Detail({ id }) {
  const loaded = useLoad(() => get(ticketPath(id)), [id]);
  const act = usePageActions(verb => ticketPath(id, verb), () => loaded.reload());
  const t = loaded.data ? ticketOf(loaded.data) : null;
  const history = loaded.data ? historyOf(loaded.data) : [];
  const staff = hasRole(...TICKET_STAFF);
  const doneRef = useRef(null);
  useEffect(() => { if (act.done && doneRef.current) doneRef.current.focus(); }, [act.done]);
  return html`<p><a href="#/tickets">← Tickets</a></p>
    <h1>${t ? t.title : html`Ticket <code>${id}</code>`}</h1>
    ${!t && !loaded.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${loaded.problem} />
    <${WhoMay} problem=${loaded.problem}>${WHO_MAY_TICKETS}</${WhoMay}>
    ${act.done ? html`<p class="notice" role="status" id="ticket-done" tabindex="-1" ref=${doneRef}>✓ ${DONE_WORDS[act.done.name] || 'Saved.'}</p>` : null}
    ${t ? html`
      <section class="card" id="ticket-facts" aria-labelledby="ticket-facts-title">
        <h2 id="ticket-facts-title" class="visually-hidden">Facts</h2>
        <p class="order-head"><${TicketStatus} status=${t.status} /> <${TicketType} type=${t.type} /> <${Priority} priority=${t.priority} />
          <span class="muted">${statusMeaning(t.status)}</span></p>
        <dl class="facts tight">
          <${Fact} term="Ticket"><code>${t.ticketId}</code></${Fact}>
          <${Fact} term="User">${hasRole(...LOOKUP_READERS) ? html`<a href=${supportLink(t.userId)}><code>${t.userId}</code></a>${' '}<span
            class="muted">(their support card)</span>` : html`<code>${t.userId}</code>`}</${Fact}>
          <${Fact} term="Assignee">${t.assignee ? html`<code id="ticket-assignee-now">${t.assignee}</code>` : html`<span class="muted" id="ticket-assignee-now">nobody</span>`}</${Fact}>
          <${Fact} term="Followed up">${staff ? html`<label class="check"><input type="checkbox" id="ticket-followed-up" checked=${!!t.followedUp}
              disabled=${act.busy === 'follow'} onChange=${e => act.run('follow', 'follow-up', { followedUp: e.target.checked })} />
              ${t.followedUp ? 'Yes' : 'No'}</label>` : t.followedUp ? 'Yes' : 'No'}
            <${Problem} problem=${act.problemOf('follow')} /></${Fact}>
          <${Fact} term="Filed">${when(t.createdAt)}${t.filedBy ? html` <span class="muted">by ${t.filedBy}</span>` : null}</${Fact}>
          <${Fact} term="EXP notice to">${contactText(t.contact)}</${Fact}>
          ${t.updatedAt ? html`<${Fact} term="Last change">${when(t.updatedAt)}</${Fact}>` : null}
          ${t.firstResponseAt ? html`<${Fact} term="First response">${when(t.firstResponseAt)}</${Fact}>` : null}
          ${t.resolvedAt ? html`<${Fact} term="Resolved">${when(t.resolvedAt)}</${Fact}>` : null}
          ${t.closedAt ? html`<${Fact} term="Closed">${when(t.closedAt)}${t.closedBy ? html` <span class="muted">by ${t.closedBy}</span>` : null}</${Fact}>` : null}
          ${t.csat ? html`<${Fact} term="User’s rating"><span aria-hidden="true">${'★'.repeat(t.csat.rating)}${'☆'.repeat(5 - t.csat.rating)} </span>${t.csat.rating}
            of 5${t.csat.comment ? html`: <span class="reason">“${t.csat.comment}”</span>` : null}</${Fact}>` : null}
        </dl>
        <h3>What the user reported</h3>
        <p class="ticket-body" id="ticket-body">${t.body}</p>
      </section>
      ${t.type === 'BUG' ? html`<${BugWork} t=${t} act=${act} />` : null}
      ${staff ? html`<section class="card" id="ticket-actions" aria-labelledby="ticket-actions-title">
        <h2 id="ticket-actions-title">Work on it</h2>
        <div class="grid">
          <${PriorityForm} t=${t} act=${act} />
          <${AssignForm} t=${t} act=${act} />
        </div>
        <${StatusForm} t=${t} act=${act} />
        <${Links} t=${t} act=${act} />
      </section>` : html`<p class="muted" id="ticket-read-only">Working on tickets needs the role support, ops or super_admin; you
        are signed in as ${rolesText()}.</p>`}
      <section class="card" id="ticket-history" aria-labelledby="ticket-history-title">
        <h2 id="ticket-history-title">History <span class="muted">(oldest first)</span></h2>
        ${history.length ? html`<ol class="timeline" id="ticket-history-list">${history.map((h, i) => html`<${HistoryItem} key=${h.item || h.id || i} h=${h} />`)}</ol>`
          : html`<p class="muted">Nothing yet.</p>`}
        ${staff ? html`<${CommentForm} t=${t} act=${act} />` : null}
      </section>
      <button type="button" class="link" id="ticket-refresh" onClick=${() => loaded.reload()}>Refresh</button>` : null}`;
}

function TicketsPage({ params, query: q }) {
  if (params.id) return html`<${Detail} key=${params.id} id=${params.id} />`;
  const newFor = q && q.get('new') === '1' ? (q.get('userId') || '').trim() : '';
  const filters = filtersOf(q);
  return html`<${Dashboard} filters=${filters} newFor=${newFor} />`;
}

export default { path: '/tickets', alsoAt: ['/tickets/:id'], title: 'Tickets', Page: TicketsPage };
