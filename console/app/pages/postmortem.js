// An incident's post-mortem: the SOP's template as the API renders it (Markdown, the timeline filled in from the
// incident, the follow-up actions as a checklist with owners), shown safely (lib/markdown.js builds elements, never
// HTML), with its due date and the overdue badge; and the form that writes it (owner, root cause, impact, resolution,
// preventive action, follow-up actions with owners).
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { user, hasRole } from '../lib/session.js';
import { get } from '../lib/api.js';
import { useUserAction } from '../lib/actions.js';
import { CopyButton, useCopied } from '../lib/clipboard.js';
import { Markdown } from '../lib/markdown.js';
import { INCIDENT_STAFF, WHO_MAY_INCIDENTS, Severity, IncidentStatus, incidentLink, incidentPath } from '../lib/incidents.js';

const TEXT_FIELDS = [
  ['rootCause', 'Root cause'],
  ['impact', 'Impact (who and what was affected, for how long)'],
  ['resolution', 'Resolution (what fixed it)'],
  ['preventiveAction', 'Preventive action (what stops it happening again)'],
];

function DueLine({ pm }) {
  if (!pm || !pm.dueAt) {
    return html`<p id="postmortem-due" class="muted">No due date: a post-mortem is due 48 h after a P0 or P1 is resolved.</p>`;
  }
  const badge = pm.complete ? html`<span class="badge ok">✓ Written</span>`
    : pm.overdue ? html`<span class="badge bad" id="postmortem-overdue">▲ Overdue</span>` : html`<span class="badge warn">◷ Due</span>`;
  return html`<p id="postmortem-due">${badge} due ${when(pm.dueAt)}</p>`;
}

function emptyAction() {
  return { text: '', owner: '', done: false };
}

function Form({ inc, onSaved }) {
  const pm = inc.postmortem || {};
  const me = user();
  const [values, setValues] = useState(() => ({
    owner: pm.owner || '', rootCause: pm.rootCause || '', impact: pm.impact || '', resolution: pm.resolution || '',
    preventiveAction: pm.preventiveAction || '',
  }));
  const [actions, setActions] = useState(() => (pm.actions && pm.actions.length ? pm.actions.map(a => ({ ...emptyAction(), ...a }))
    : [emptyAction()]));
  const sender = useUserAction();
  const [problem, setProblem] = useState(null);
  const [saved, setSaved] = useState(false);
  const set = name => e => setValues({ ...values, [name]: e.target.value });
  const setAction = (i, name, value) => setActions(actions.map((a, n) => n === i ? { ...a, [name]: value } : a));
  const named = field => !!problem && problem.errors.some(e => e.field === field || e.field.startsWith(field + '.') || e.field.startsWith(field + '[')) ? 'true' : undefined;
  const submit = async e => {
    e.preventDefault();
    const body = { ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])),
      actions: actions.filter(a => a.text.trim() || a.owner.trim()).map(a => ({ text: a.text.trim(), owner: a.owner.trim(), done: !!a.done })) };
    setSaved(false);
    const a = await sender.send('postmortem', incidentPath(inc.incidentId, 'postmortem'), body);
    if (!a) return;
    setProblem(a.problem || null);
    if (!a.problem) {
      setSaved(true);
      onSaved();
    }
  };
  return html`<form class="card" id="postmortem-form" onSubmit=${submit} aria-labelledby="postmortem-form-title">
    <h2 id="postmortem-form-title">Write it</h2>
    <label for="pm-owner">Owner</label>
    <div class="inline-field"><input id="pm-owner" autocomplete="off" spellcheck=${false} aria-required="true" aria-invalid=${named('owner')}
      value=${values.owner} onInput=${set('owner')} />
      ${me && values.owner !== me.sub ? html`<button type="button" class="secondary" id="pm-owner-me"
        onClick=${() => setValues({ ...values, owner: me.sub })}>Me</button>` : null}</div>
    ${TEXT_FIELDS.map(([name, label]) => html`<label for=${'pm-' + name}>${label}</label>
      <textarea id=${'pm-' + name} rows="3" aria-invalid=${named(name)} value=${values[name]} onInput=${set(name)}></textarea>`)}
    <fieldset id="pm-actions"><legend>Follow-up actions, each with an owner</legend>
      ${actions.map((a, i) => html`<div class="row pm-action" data-index=${i}>
        <div><label for=${'pm-action-text-' + i}>Action ${i + 1}</label>
          <input id=${'pm-action-text-' + i} autocomplete="off" aria-invalid=${named('actions')} value=${a.text}
            onInput=${e => setAction(i, 'text', e.target.value)} /></div>
        <div><label for=${'pm-action-owner-' + i}>Owner of action ${i + 1}</label>
          <input id=${'pm-action-owner-' + i} autocomplete="off" spellcheck=${false} value=${a.owner}
            onInput=${e => setAction(i, 'owner', e.target.value)} /></div>
        <div><label class="check"><input type="checkbox" id=${'pm-action-done-' + i} checked=${!!a.done}
          onChange=${e => setAction(i, 'done', e.target.checked)} /> Done</label>
          ${actions.length > 1 ? html`<button type="button" class="link" onClick=${() => setActions(actions.filter((_, n) => n !== i))}>Remove<span
            class="visually-hidden"> action ${i + 1}</span></button>` : null}</div>
      </div>`)}
      <button type="button" class="secondary" id="pm-add-action" onClick=${() => setActions([...actions, emptyAction()])}>Add an action</button>
    </fieldset>
    <button type="submit" id="postmortem-submit" disabled=${sender.busy === 'postmortem'}>Save post-mortem</button>
    ${saved ? html`<p class="notice" role="status" id="postmortem-saved">✓ Post-mortem saved; the draft below is up to date.</p>` : null}
    <${Problem} problem=${problem} />
  </form>`;
}

function PostmortemPage({ params }) {
  const id = params.id;
  const [version, setVersion] = useState(0);
  const inc = useLoad(() => get(incidentPath(id)), [id, version]);
  const draft = useLoad(() => get(incidentPath(id, 'postmortem')), [id, version]);
  const [copied, setCopied] = useCopied();
  const [source, setSource] = useState(false);
  useEffect(() => setSource(false), [id]);
  const i = inc.data;
  const problem = inc.problem || draft.problem;
  return html`<p><a href=${incidentLink(id)}>← The incident</a></p>
    <h1>Post-mortem${i ? html`: ${i.title}` : html` <code>${id}</code>`}</h1>
    ${!i && !problem ? html`<${Loading} />` : null}
    <${Problem} problem=${problem} />
    <${WhoMay} problem=${problem}>${WHO_MAY_INCIDENTS}</${WhoMay}>
    ${i ? html`<p class="order-head"><${Severity} severity=${i.severity} /> <${IncidentStatus} status=${i.status} /> <code>${i.incidentId}</code></p>
      <${DueLine} pm=${draft.data ? { ...(i.postmortem || {}), ...draft.data } : i.postmortem} />` : null}
    ${i && hasRole(...INCIDENT_STAFF) ? html`<${Form} key=${id} inc=${i} onSaved=${() => setVersion(v => v + 1)} />`
      : i ? html`<p class="muted">The post-mortem is written by ops, finance or super_admin.</p>` : null}
    ${draft.data ? html`<section class="card" id="postmortem-draft" aria-labelledby="postmortem-draft-title">
      <h2 id="postmortem-draft-title">Draft</h2>
      <div class="toolbar">
        <button type="button" class="secondary" id="postmortem-toggle-source" aria-pressed=${source ? 'true' : 'false'}
          onClick=${() => setSource(!source)}>${source ? 'Show it rendered' : 'Show the Markdown'}</button>
        <${CopyButton} id="postmortem-markdown" text=${draft.data.markdown} label="the post-mortem Markdown" copied=${copied} onCopy=${setCopied} />
      </div>
      <pre class="payload markdown-source" id="postmortem-markdown" hidden=${!source} tabindex="0" aria-label="The post-mortem Markdown">${draft.data.markdown}</pre>
      ${source ? null : html`<${Markdown} source=${draft.data.markdown} id="postmortem-rendered" />`}
    </section>` : null}`;
}

export default { path: '/incidents/:id/postmortem', title: 'Post-mortem', menu: false, menuParent: '/incidents', Page: PostmortemPage };
