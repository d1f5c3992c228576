/**
 * Wrapping text for a terminal: help texts and table cells.
 *
 * @module
 */

/**
 * `text` wrapped at spaces into lines of at most `width` characters (a
 * longer word keeps its own line).
 * @internal
 */
export function wrapAt(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join("\n");
}
