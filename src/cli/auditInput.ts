/**
 * The audit's input, from bytes to documents: lines split on bytes (each
 * checked to be UTF-8 and no longer than the limit, §9.2's "an order that
 * cannot be decoded gets a line with its errors and the run goes on"), then
 * documents (JSON Lines, or pretty-printed orders). Constant memory: one
 * line, or one document, at a time.
 *
 * @module
 */
import { isUtf8 } from "node:buffer";

/**
 * A line that cannot be read as text: why, as a phrase completing
 * "line 7 …" ("is not UTF-8 text").
 * @category CLI
 */
export interface LineProblem {
  readonly problem: string;
}

/** A line of input: its text, or why it has none. @category CLI */
export type InputLine = string | LineProblem;

/** One document of the input: its text (or why it has none) and the line it starts on. @category CLI */
export interface InputDocument {
  readonly text: string;
  readonly line: number;
  readonly problem?: string;
}

/** `64 MB` for 64 × 2^20 bytes; bytes below a megabyte as bytes (small limits in tests). */
export function describeSize(bytes: number): string {
  return bytes >= 2 ** 20 && bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MB` : `${bytes} bytes`;
}

/** The phrase for a line or document over the limit. */
export function tooLarge(maxBytes: number): string {
  return `is larger than the ${describeSize(maxBytes)} this command reads`;
}

/**
 * Splits bytes into lines on `\n` (a `\r` before it is dropped), keeping at
 * most `maxLineBytes` of one line: a longer line, or one that is not UTF-8,
 * becomes a {@link LineProblem} and the lines after it are read as usual.
 * Counts the bytes it was given (for the progress bar).
 * @category CLI
 */
export class LineSplitter {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private overflow = false;
  /** The bytes pushed so far. */
  bytes = 0;

  /** @param maxLineBytes - the longest line kept, in bytes. */
  constructor(private readonly maxLineBytes: number) {}

  /** Feeds a chunk; returns the lines it completes. */
  push(chunk: Uint8Array): InputLine[] {
    this.bytes += chunk.length;
    const lines: InputLine[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) {
        this.keep(chunk.subarray(start));
        return lines;
      }
      this.keep(chunk.subarray(start, newline));
      lines.push(this.take());
      start = newline + 1;
    }
  }

  /** The last line, when the input does not end with a newline. */
  end(): InputLine[] {
    return this.pendingLength > 0 || this.overflow ? [this.take()] : [];
  }

  private keep(part: Uint8Array): void {
    if (this.overflow || part.length === 0) return;
    if (this.pendingLength + part.length > this.maxLineBytes) {
      this.overflow = true;
      this.pending = [];
      this.pendingLength = 0;
      return;
    }
    this.pending.push(part);
    this.pendingLength += part.length;
  }

  private take(): InputLine {
    const parts = this.pending;
    const overflow = this.overflow;
    this.pending = [];
    this.pendingLength = 0;
    this.overflow = false;
    if (overflow) return { problem: tooLarge(this.maxLineBytes) };
    let bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    if (!isUtf8(bytes)) return { problem: "is not UTF-8 text" };
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
  }
}

/** Where a JSON scan stands at a line's end: nesting depth and whether inside a string. */
interface ScanState {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/** Moves `state` over `text`'s brackets and strings (one linear pass). */
function scan(state: ScanState, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (c === 92) state.escaped = true;
      else if (c === 34) state.inString = false;
    } else if (c === 34) state.inString = true;
    else if (c === 123 || c === 91) state.depth += 1;
    else if (c === 125 || c === 93) state.depth -= 1;
  }
}

/** Whether `text` parses as JSON on its own. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Splits input lines into documents, keeping only one document's text at a
 * time. JSON Lines: each non-blank line is a document. A first line that is
 * not JSON on its own, does not end with `}` and opens an object or array
 * starts a pretty-printed document, which ends where its brackets close (the
 * next document may follow), or where a line starts with `{` in the first
 * column (the document was cut short: it becomes an error line and the new
 * one is read). Any other first line is a document of its own (an error
 * line), and the next line decides again — one bad line never swallows the
 * rest of the file.
 * @category CLI
 */
export class DocumentSplitter {
  private mode: "unknown" | "lines" | "document" = "unknown";
  private buffer: string[] = [];
  private bufferLength = 0;
  private overflow = false;
  private start = 0;
  private state: ScanState = { depth: 0, inString: false, escaped: false };
  private done: InputDocument | undefined;
  private first = true;

  /** @param maxDocumentChars - the longest pretty-printed document kept, in characters. */
  constructor(private readonly maxDocumentChars = Number.POSITIVE_INFINITY) {}

  /** Feeds line `n` (1-based); returns the documents it completes. */
  push(input: InputLine, n: number): InputDocument[] {
    if (typeof input !== "string") {
      const out = this.flush();
      if (this.mode === "document") {
        out.push(this.cut());
        this.mode = "unknown";
      }
      out.push({ text: "", line: n, problem: input.problem });
      return out;
    }
    let text = input;
    if (this.first && text.startsWith("\uFEFF")) text = text.slice(1);
    this.first = false;
    if (this.mode === "document") {
      if (text.startsWith("{")) {
        const cut = this.cut();
        this.mode = "unknown";
        return [cut, ...this.push(text, n)];
      }
      this.append(text);
      scan(this.state, text);
      if (this.state.depth <= 0 && !this.state.inString) {
        this.done = this.cut();
        this.mode = "unknown";
      }
      return [];
    }
    const line = text.trim();
    if (line === "") return [];
    const out = this.flush();
    if (this.mode === "lines") {
      out.push({ text: line, line: n });
      return out;
    }
    if (isJson(line) || line.endsWith("}")) {
      this.mode = "lines";
      out.push({ text: line, line: n });
      return out;
    }
    if (!line.startsWith("{") && !line.startsWith("[")) {
      out.push({ text: line, line: n });
      return out;
    }
    this.mode = "document";
    this.start = n;
    this.buffer = [];
    this.bufferLength = 0;
    this.overflow = false;
    this.state = { depth: 0, inString: false, escaped: false };
    this.append(line);
    scan(this.state, line);
    return out;
  }

  /** The document still buffered at the end of the input, if any. */
  end(): InputDocument[] {
    const out = this.flush();
    if (this.mode === "document") out.push(this.cut());
    this.mode = "unknown";
    return out;
  }

  /** The completed pretty-printed document held back until the next line or the end. */
  private flush(): InputDocument[] {
    const done = this.done;
    this.done = undefined;
    return done === undefined ? [] : [done];
  }

  private append(text: string): void {
    if (this.overflow) return;
    this.bufferLength += text.length + 1;
    if (this.bufferLength > this.maxDocumentChars) {
      this.overflow = true;
      this.buffer = [];
      return;
    }
    this.buffer.push(text);
  }

  /** The buffered document, as it stands. */
  private cut(): InputDocument {
    const doc: InputDocument = this.overflow
      ? {
          text: "",
          line: this.start,
          problem: `starts a document that ${tooLarge(this.maxDocumentChars)}`,
        }
      : { text: this.buffer.join("\n"), line: this.start };
    this.buffer = [];
    this.bufferLength = 0;
    this.overflow = false;
    return doc;
  }
}
