// Small pieces every page uses: problem display, busy buttons, time formatting.
import { html, useState, useEffect } from '../vendor/htm-preact-standalone-3.1.1.js';

export { html, useState, useEffect };

/** A problem+json answer as a person reads it: title, then each field named (or the detail, when it names none). */
export function Problem({ problem }) {
  if (!problem) return null;
  return html`<div class="problem" role="alert">
    <strong>${problem.status ? problem.status + ' ' : ''}${problem.title}</strong>
    ${problem.detail && !(problem.errors && problem.errors.length) ? html`<p>${problem.detail}</p>` : null}
    ${problem.errors && problem.errors.length ? html`<ul>${problem.errors.map(e =>
      html`<li><code>${e.field}</code>: ${e.message}</li>`)}</ul>` : null}
  </div>`;
}

/** Loads once per change of deps; {data, problem, loading, reload}. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, problem: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState(s => ({ ...s, loading: true }));
    load().then(data => live && setState({ data, problem: null, loading: false }),
      problem => live && setState({ data: null, problem, loading: false }));
    return () => { live = false; };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick(t => t + 1) };
}

/** A time as text with its age: "2026-11-30 09:30 UTC (3 h ago)". */
export function when(iso) {
  if (!iso) return '';
  const t = new Date(iso);
  if (isNaN(t)) return iso;
  return t.toISOString().slice(0, 16).replace('T', ' ') + ' UTC (' + age(Date.now() - t.getTime()) + ')';
}

export function age(ms) {
  const past = ms >= 0;
  const s = Math.abs(ms) / 1000;
  const text = s < 90 ? Math.round(s) + ' s' : s < 5400 ? Math.round(s / 60) + ' min' : s < 172800 ? Math.round(s / 3600) + ' h' : Math.round(s / 86400) + ' d';
  return past ? text + ' ago' : 'in ' + text;
}

export function Loading() {
  return html`<p class="muted" aria-live="polite">Loading…</p>`;
}

/** Under a 403: who may read this page, in one line, so a person knows whom to ask (the problem itself is shown above it). */
export function WhoMay({ problem, children }) {
  if (!problem || problem.status !== 403) return null;
  return html`<p class="muted who-may">${children}</p>`;
}
