// Copying a value (an address, a reference) to the clipboard; when the browser refuses, the text is selected instead so
// the person can copy it by hand.

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
