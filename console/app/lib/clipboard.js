// Copying a value (an address, a reference) to the clipboard; when the browser refuses, the text is selected instead so
// the person can copy it by hand.

import { html, useState, useEffect } from '../vendor/htm-preact-standalone-3.1.1.js';

// how long a "Copied" answer stays next to its button
const COPIED_FOR_MS = 6000;

/** Copies {@code text}; false when it could not, after selecting {@code element}'s text. */
export async function copy(text, element) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // refused (no permission, not focused): select it so the person can copy it by hand
    }
  }
  if (element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }
  return false;
}

/** What was last copied ({@code {id, ok}}), forgotten after a few seconds so its "Copied" answer goes away. */
export function useCopied() {
  const [copied, setCopied] = useState(null);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(null), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return [copied, setCopied];
}

/**
 * A Copy button for the text shown in the element {@code id}, with its answer beside it ("Copied", or "selected, copy it
 * by hand" when the browser refuses); {@code copied}/{@code onCopy} are a page's {@link useCopied} pair.
 */
export function CopyButton({ id, text, label, copied, onCopy }) {
  const state = copied && copied.id === id ? copied.ok : null;
  return html`<span class="copy-line"><button type="button" class="secondary copy-answer" id=${id + '-copy'}
      onClick=${async () => onCopy({ id, ok: await copy(text, document.getElementById(id)) })}>Copy<span class="visually-hidden"> ${label}</span></button>
    <span class="copied" role="status">${state === true ? '✓ Copied' : state === false ? '▲ Not copied: the text is selected, copy it by hand' : ''}</span></span>`;
}
