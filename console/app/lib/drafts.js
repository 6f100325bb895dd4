// What a person typed, kept in sessionStorage per field, so that signing in again after a 401 loses nothing.
import { useState } from '../vendor/htm-preact-standalone-3.1.1.js';

const PREFIX = 'warroom.draft.';

export function useDraft(key, initial = '') {
  const [value, setValue] = useState(() => {
    const kept = sessionStorage.getItem(PREFIX + key);
    return kept === null ? initial : kept;
  });
  const set = v => {
    setValue(v);
    if (v === initial) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, v);
  };
  return [value, set];
}

export function clearDraft(key) {
  sessionStorage.removeItem(PREFIX + key);
}
