// Kill switches: every flag with its global state and overrides; disable with a reason (the fastest path in the
// console); re-enable, which for a fund flag opens an approval; and "why is this blocked?".
import { html, useState, Problem, useLoad, when, Loading } from '../lib/ui.js';
import { get, post, newAction, query } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { useDraft, clearDraft } from '../lib/drafts.js';

const ADMINS = ['ops', 'super_admin'];

function stateText(s) {
  return s.enabled ? 'Enabled' : 'Disabled';
}

/** One flag and scope: its state, and the buttons that change it. */
function FlagState({ flag, fundRelated, state, onChanged }) {
  const id = (flag + '-' + state.scope).replace(/[^a-zA-Z0-9_-]/g, '-');
  const [reason, setReason] = useDraft('flags.reason.' + id, '');
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const [approval, setApproval] = useState(null);
  const mayChange = hasRole(...ADMINS);

  const send = async enabled => {
    // one key per user action: a second click or a retry after a network error reuses it
    const current = action || newAction();
    setAction(current);
    setBusy(true);
    setProblem(null);
    try {
      const r = await post('/v1/admin/system-flags/set', { flag, scope: state.scope, enabled, reason: reason.trim() }, current);
      setAction(null);
      setOpen(false);
      clearDraft('flags.reason.' + id);
      setReason('');
      if (r.status === 202) setApproval(r.body);
      onChanged();
    } catch (p) {
      if (!p.retryable) setAction(null);
      setProblem(p);
    } finally {
      setBusy(false);
    }
  };

  return html`<div class="state ${state.enabled ? 'on' : 'off'}" data-flag=${flag} data-scope=${state.scope}>
    <div class="state-line">
      <span class="badge ${state.enabled ? 'ok' : 'bad'}">${state.enabled ? '● Enabled' : '■ Disabled'}</span>
      <code>${state.scope}</code>
      ${!state.enabled && state.reason ? html`<span class="reason">“${state.reason}”</span>` : null}
      ${state.updatedAt ? html`<span class="muted">by ${state.updatedBy} · ${when(state.updatedAt)}</span>` : null}
    </div>
    ${approval ? html`<p class="notice" role="status">Re-enabling ${flag} touches funds: a second person must approve it.
      <a href=${'#/approvals/' + encodeURIComponent(approval.approvalId)}>Approval request ${approval.approvalId}</a>
      (expires ${when(approval.expiresAt)}).</p>` : null}
    ${mayChange ? (open
      ? html`<form class="change" onSubmit=${e => { e.preventDefault(); send(!state.enabled); }}>
          <label for=${'reason-' + id}>Reason (10–500 characters)</label>
          <textarea id=${'reason-' + id} name="reason" rows="2" required value=${reason}
            onInput=${e => setReason(e.target.value)}></textarea>
          ${state.enabled ? null : fundRelated
            ? html`<p class="muted">Re-enabling a fund flag opens an approval request; it stays disabled until approved.</p>` : null}
          <button type="submit" disabled=${busy} class=${state.enabled ? 'danger' : ''}>
            ${state.enabled ? 'Disable ' : 'Re-enable '}${flag} (${state.scope})</button>
          <button type="button" class="link" onClick=${() => setOpen(false)}>Cancel</button>
        </form>`
      : html`<button type="button" class=${state.enabled ? 'danger' : ''} onClick=${() => setOpen(true)}>
          ${state.enabled ? 'Disable…' : 'Re-enable…'}</button>`)
      : null}
    <${Problem} problem=${problem} />
  </div>`;
}

/**
 * "Stop a flow now": disables a flag at a scope with a reason. Given an {@code incidentId} (the Incident page), the change
 * is made for that incident: the API records it in the incident's timeline and links it there.
 */
export function NewOverride({ flags, onChanged, incidentId }) {
  const draft = incidentId ? 'incidents.flag.' + incidentId + '.' : 'flags.new.';
  const [flag, setFlag] = useDraft(draft + 'flag', flags[0] ? flags[0].flag : '');
  const [kind, setKind] = useDraft(draft + 'kind', incidentId ? 'global' : 'round');
  const [id, setId] = useDraft(draft + 'id', '');
  const [reason, setReason] = useDraft(draft + 'reason', '');
  const [action, setAction] = useState(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const [done, setDone] = useState(null);
  const submit = async e => {
    e.preventDefault();
    const current = action || newAction();
    setAction(current);
    setBusy(true);
    setProblem(null);
    const scope = kind === 'global' ? 'global' : kind + ':' + id.trim();
    const body = { flag, scope, enabled: false, reason: reason.trim() };
    if (incidentId) body.incidentId = incidentId;
    try {
      const r = await post('/v1/admin/system-flags/set', body, current);
      setAction(null);
      setDone(r.body);
      [draft + 'id', draft + 'reason'].forEach(clearDraft);
      setId('');
      setReason('');
      onChanged();
    } catch (p) {
      if (!p.retryable) setAction(null);
      setProblem(p);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="card" id="disable-form" onSubmit=${submit} aria-labelledby="disable-title">
    <h2 id="disable-title">${incidentId ? 'Pull a kill switch for this incident' : 'Stop a flow now'}</h2>
    ${incidentId ? html`<p class="muted">The change is recorded in this incident’s timeline and links; re-enable it on the <a href="#/flags">Kill switches</a> page.</p>` : null}
    <div class="row">
      <div><label for="new-flag">Flag</label>
        <select id="new-flag" name="flag" value=${flag} onChange=${e => setFlag(e.target.value)}>
          ${flags.map(f => html`<option value=${f.flag}>${f.flag}${f.fundRelated ? ' (funds)' : ''}</option>`)}
        </select></div>
      <div><label for="new-kind">Scope</label>
        <select id="new-kind" name="kind" value=${kind} onChange=${e => setKind(e.target.value)}>
          <option value="global">global</option><option value="round">a round</option><option value="user">a user</option>
        </select></div>
      ${kind === 'global' ? null : html`<div><label for="new-id">${kind === 'round' ? 'Round id' : 'User id'}</label>
        <input id="new-id" name="id" required value=${id} onInput=${e => setId(e.target.value)} /></div>`}
    </div>
    <label for="new-reason">Reason (10–500 characters)</label>
    <textarea id="new-reason" name="reason" rows="2" required value=${reason} onInput=${e => setReason(e.target.value)}></textarea>
    <${Problem} problem=${problem} />
    ${done ? html`<p class="notice" role="status" id="disable-done">${done.flag} is disabled for <code>${done.scope}</code> (version ${done.version}).</p>` : null}
    <button type="submit" class="danger" disabled=${busy}>Disable</button>
  </form>`;
}

function WhyBlocked() {
  const [flag, setFlag] = useDraft('flags.why.flag', 'contribute');
  const [round, setRound] = useDraft('flags.why.round', '');
  const [userId, setUserId] = useDraft('flags.why.user', '');
  const [answer, setAnswer] = useState(null);
  const [problem, setProblem] = useState(null);
  const submit = async e => {
    e.preventDefault();
    setProblem(null);
    try {
      setAnswer(await get('/v1/system-flags/check' + query({ flag, round: round.trim(), user: userId.trim() })));
    } catch (p) {
      setAnswer(null);
      setProblem(p);
    }
  };
  return html`<form class="card" id="why-form" onSubmit=${submit} aria-labelledby="why-title">
    <h2 id="why-title">Why is this blocked?</h2>
    <div class="row">
      <div><label for="why-flag">Flag</label><input id="why-flag" name="flag" required value=${flag} onInput=${e => setFlag(e.target.value)} /></div>
      <div><label for="why-round">Round (optional)</label><input id="why-round" name="round" value=${round} onInput=${e => setRound(e.target.value)} /></div>
      <div><label for="why-user">User (optional)</label><input id="why-user" name="user" value=${userId} onInput=${e => setUserId(e.target.value)} /></div>
    </div>
    <button type="submit">Check</button>
    <${Problem} problem=${problem} />
    ${answer ? html`<p class="answer" role="status" id="why-answer">${answer.allowed
      ? html`<span class="badge ok">● Allowed</span>`
      : html`<span class="badge bad">■ Blocked</span> by <code>${answer.blockedBy.flag}</code> at <code>${answer.blockedBy.scope}</code>:
          “${answer.blockedBy.reason}” since ${when(answer.blockedBy.since)}`}
      ${answer.stale ? html` <span class="badge warn">▲ stale: the flags could not be read just now</span>` : null}
      ${answer.tampered ? html` <span class="badge bad">▲ tampered: the flag states do not match their seal</span>` : null}</p>` : null}
  </form>`;
}

function FlagsPage() {
  const list = useLoad(() => get('/v1/system-flags'), []);
  return html`<h1>Kill switches</h1>
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    ${list.data ? html`
      ${list.data.tampered ? html`<p class="problem" role="alert"><strong>Flag states do not match their seal.</strong>
        Someone wrote the flags table outside Warroom: fund flows fail closed and changes are refused. See the runbook.</p>` : null}
      ${hasRole(...ADMINS) ? html`<${NewOverride} flags=${list.data.flags} onChanged=${list.reload} />`
        : html`<p class="muted">Only ops and super_admin may change kill switches.</p>`}
      <${WhyBlocked} />
      <h2>Every flag</h2>
      <ul class="flags">${list.data.flags.map(f => html`<li class="card flag" id=${'flag-' + f.flag.replace(/\./g, '-')}>
        <h3>${f.flag} ${f.fundRelated ? html`<span class="tag">funds</span>` : null}</h3>
        <${FlagState} flag=${f.flag} fundRelated=${f.fundRelated} state=${f.global} onChanged=${list.reload} />
        ${f.overrides.map(o => html`<${FlagState} flag=${f.flag} fundRelated=${f.fundRelated} state=${o} onChanged=${list.reload} />`)}
      </li>`)}</ul>` : null}`;
}

export default { path: '/flags', title: 'Kill switches', Page: FlagsPage };
