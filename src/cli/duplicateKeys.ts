/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last of
 * `"currency": "USD", "currency": "EUR"` without a word, and other readers
 * keep the first; refund-core reports them instead (`INVALID_INPUT` at the
 * key's path), so that no reader of the same file sees another refund.
 *
 * @module
 */

/** An object's keys seen so far, or an array's position. */
interface Frame {
  readonly keys: Set<string> | undefined;
  /** The current key (objects) or index (arrays), for paths. */
  key: string;
  index: number;
}

/** The path of `key` in the innermost object, in the codecs' notation (`lineItems[0].currency`). */
function pathOf(stack: readonly Frame[], key: string): string {
  let path = "";
  for (let k = 0; k < stack.length - 1; k++) {
    const frame = stack[k] as Frame;
    if (frame.keys === undefined) path += `[${frame.index}]`;
    else path += path === "" ? frame.key : `.${frame.key}`;
  }
  return path === "" ? key : `${path}.${key}`;
}

/** Where the string starting at `start` (its opening quote) ends: the index of its closing quote. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/**
 * The paths of the keys that appear more than once in the same object of
 * `text`, in the order they are met, at most `limit` of them. One linear
 * pass; `text` must be valid JSON (parse it first).
 *
 * @param text - valid JSON text.
 * @param limit - the most paths to return.
 * @returns the paths of the second (third, …) occurrences.
 * @example
 * ```ts
 * duplicateKeys('{"currency": "USD", "lineItems": [{"id": "1", "id": "2"}], "currency": "EUR"}');
 * // ["lineItems[0].id", "currency"]
 * ```
 * @category CLI
 */
export function duplicateKeys(text: string, limit = 100): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys !== undefined) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) {
          found.push(pathOf(stack, key));
          if (found.length >= limit) return found;
        } else top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 123 /* { */) {
      stack.push({ keys: new Set(), key: "", index: 0 });
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push({ keys: undefined, key: "", index: 0 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top !== undefined) {
        if (top.keys === undefined) top.index += 1;
        else expectKey = true;
      }
    }
    i++;
  }
  return found;
}

/**
 * The own keys of every object in `value`, counted (a parsed JSON value: no
 * cycles). `Object.values`, not `Object.keys`: the same count, and the
 * values to walk without a keyed look-up each.
 */
function keyCount(value: unknown): number {
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null) count += keyCount(item);
    }
    return count;
  }
  const values: unknown[] = Object.values(value as object);
  count = values.length;
  for (let i = 0; i < values.length; i++) {
    const item = values[i];
    if (typeof item === "object" && item !== null) count += keyCount(item);
  }
  return count;
}

/**
 * Whether `text` surely gives no key twice in one object, told without
 * scanning its strings: `true` only when the colons of `text` that follow a
 * closing quote (each key is a string followed by `:`, so they are at least
 * as many as the keys written) are exactly as many as the keys `JSON.parse`
 * kept in `value` (the keys written, less one for each one repeated). A
 * colon inside a string right after an escaped quote makes it `false` for
 * a text without repeated keys too: then {@link duplicateKeys} decides, as
 * it does whenever this is `false`. One search for `:` and one walk of
 * `value`, with no string or set made per key.
 *
 * @param text - valid JSON text.
 * @param value - `JSON.parse(text)`.
 * @returns `true` when no object of `text` has a key twice; `false` when one
 * may have.
 * @example
 * ```ts
 * surelyNoDuplicateKeys('{"a": 1, "b": {"a": 2}}', { a: 1, b: { a: 2 } }); // true
 * surelyNoDuplicateKeys('{"a": 1, "a": 2}', { a: 2 }); // false
 * ```
 * @category CLI
 */
export function surelyNoDuplicateKeys(text: string, value: unknown): boolean {
  let keys = 0;
  try {
    if (typeof value === "object" && value !== null) keys = keyCount(value);
  } catch {
    // Nested deeper than the stack: leave it to the scan, which needs no recursion.
    return false;
  }
  let colons = 0;
  let at = text.indexOf(":");
  while (at >= 0) {
    let before = at - 1;
    let c = text.charCodeAt(before);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(--before);
    if (c === 34 /* " */) {
      colons += 1;
      if (colons > keys) return false;
    }
    at = text.indexOf(":", at + 1);
  }
  return colons === keys;
}
