/**
 * Text from an order or a request made safe for a terminal: control
 * characters (escape sequences that clear the screen, set the window title
 * or hide text; newlines that forge table rows) and invisible formatting
 * characters are shown escaped, never sent raw.
 *
 * @module
 */

/**
 * C0 and C1 controls, DEL, zero-width and bidirectional formatting
 * characters, line and paragraph separators, and the byte order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `text` with every unsafe character written as its escape (`\n`,
 * `\u001b`), as in a JSON string, so a person sees what is there and the
 * terminal obeys none of it.
 *
 * @param text - text from the input (an id, a title, a reason).
 * @returns the text, safe to print.
 * @example
 * ```ts
 * printable("wrong size\u001b[2J"); // "wrong size\\u001b[2J"
 * printable("3\nTotal 0.00"); // "3\\nTotal 0.00"
 * ```
 * @category CLI
 */
export function printable(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
