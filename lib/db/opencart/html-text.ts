/**
 * OpenCart runs htmlspecialchars(ENT_COMPAT) over every request value and stores the result, so text in its
 * tables is HTML-escaped: & " < > become entities, single quotes stay as they are.
 */
export function encodeOpenCartText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
