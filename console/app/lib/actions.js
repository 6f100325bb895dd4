// A write as one user action, sent once: the first click makes the action's Idempotency-Key; a retry of the same
// action (same name, same body) after a lost answer or a 5xx keeps it, so the API replays its first answer; a second
// click while the first is on its way does nothing (the first one's answer is the answer).
import { useState, useRef } from '../vendor/htm-preact-standalone-3.1.1.js';
import { post, newAction } from './api.js';

/**
 * {send, busy}: send(name, path, body) resolves to {name, status, body} or {name, problem}, or to null for a click
 * made while another one of this hook was on its way; busy is the name in flight.
 */
export function useUserAction() {
  const pending = useRef(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(null);
  const send = async (name, path, body) => {
    if (inFlight.current) return null;
    inFlight.current = true;
    const text = JSON.stringify(body);
    const same = pending.current && pending.current.name === name && pending.current.path === path && pending.current.text === text;
    pending.current = same ? pending.current : { name, path, text, action: newAction() };
    setBusy(name);
    try {
      const r = await post(path, body, pending.current.action);
      pending.current = null;
      return { name, status: r.status, body: r.body };
    } catch (p) {
      if (!p.retryable) pending.current = null;
      return { name, problem: p };
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };
  return { send, busy };
}

/**
 * A page's several actions on one record (a ticket, an incident), each a {@link useUserAction} send: run(name, verb, body)
 * posts to pathOf(verb), keeps each action's problem apart (problemOf(name)), remembers the last one done ({name, at})
 * and calls onDone after a success. run resolves to the answer ({name, status, body}) or to false.
 */
export function usePageActions(pathOf, onDone) {
  const sender = useUserAction();
  const [problems, setProblems] = useState({});
  const [done, setDone] = useState(null);
  const run = async (name, verb, body) => {
    const a = await sender.send(name, pathOf(verb), body);
    if (!a) return false;
    setProblems(p => ({ ...p, [name]: a.problem || null }));
    if (a.problem) return false;
    setDone({ name, at: Date.now() });
    onDone();
    return a;
  };
  return { run, busy: sender.busy, problemOf: name => problems[name] || null, done };
}
