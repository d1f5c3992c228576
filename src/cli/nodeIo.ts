/**
 * The command line's I/O on Node: files, standard input and output.
 *
 * @module
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import { tooLarge } from "./auditInput.js";
import type { CliIo } from "./io.js";
import { MAX_INPUT_BYTES } from "./limits.js";

/**
 * Why a file could not be read, as a phrase completing "could not be read: …".
 *
 * @param error - what reading the file threw.
 * @returns `"it does not exist"`, `"permission denied"`, `"it is a directory"`
 * or `"error <CODE>"`.
 * @example
 * ```ts
 * describeReadError({ code: "ENOENT" }); // "it does not exist"
 * ```
 * @category CLI
 */
export function describeReadError(error: unknown): string {
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  switch (code) {
    case "ENOENT":
      return "it does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    default:
      return code === "" ? "unknown error" : `error ${code}`;
  }
}

/** Bytes as UTF-8 text; bytes that are not UTF-8 are refused, never replaced by U+FFFD. */
function decodeUtf8(bytes: Uint8Array): Either<string, string> {
  try {
    return E.right(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return E.left("it is not UTF-8 text");
  }
}

/**
 * The streams the command line uses: `process` has them all.
 * @category CLI
 */
export interface NodeStreams {
  readonly stdin: AsyncIterable<string | Buffer>;
  readonly stdout: {
    write(text: string): unknown;
    readonly isTTY?: boolean;
    readonly columns?: number;
  };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Settings of {@link nodeIo}.
 * @category CLI
 */
export interface NodeIoOptions {
  /** The most bytes read from one file or standard input ({@link MAX_INPUT_BYTES} by default). */
  readonly maxInputBytes?: number;
}

/** The bytes of `chunks`, or {@link tooLarge} as soon as they pass `limit` (nothing more is read). */
async function readCapped(
  chunks: AsyncIterable<string | Buffer>,
  limit: number,
): Promise<Either<string, Buffer>> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const part = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    length += part.length;
    if (length > limit) return E.left(`it ${tooLarge(limit)}`);
    parts.push(part);
  }
  return E.right(Buffer.concat(parts));
}

/**
 * The command line's I/O on Node: `readText` reads files and `-` (from
 * `streams.stdin`) as UTF-8, refusing bytes that are not UTF-8 text and
 * input larger than `options.maxInputBytes` (without reading it all); output
 * goes to `streams.stdout` and `streams.stderr`, tables as wide as the
 * terminal when standard output is one.
 *
 * @param streams - usually `process`.
 * @param options - the input limit.
 * @returns the I/O for {@link runCli}.
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), nodeIo(process));
 * ```
 * @category CLI
 */
export function nodeIo(streams: NodeStreams, options: NodeIoOptions = {}): CliIo {
  const limit = options.maxInputBytes ?? MAX_INPUT_BYTES;
  const columns = streams.stdout.isTTY === true ? streams.stdout.columns : undefined;
  return {
    readText: async (file): Promise<Either<string, string>> => {
      let bytes: Either<string, Buffer>;
      try {
        if (file !== "-") {
          const info = await stat(file);
          if (info.isDirectory()) return E.left("it is a directory");
          if (info.size > limit) return E.left(`it ${tooLarge(limit)}`);
        }
        bytes = await readCapped(file === "-" ? streams.stdin : createReadStream(file), limit);
      } catch (error) {
        return E.left(describeReadError(error));
      }
      return E.isLeft(bytes) ? bytes : decodeUtf8(bytes.right);
    },
    ...(columns === undefined ? {} : { columns }),
    writeOut: (text) => {
      streams.stdout.write(text);
    },
    writeErr: (text) => {
      streams.stderr.write(text);
    },
  };
}
