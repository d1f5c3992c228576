/**
 * The command line's I/O on Node: files, standard input and output.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { CliIo } from "./io.js";

/**
 * Why a file could not be read, as a phrase completing "could not be read: …".
 *
 * @param error - what `readFile` threw.
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
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * The command line's I/O on Node: `readText` reads files and `-` (from
 * `streams.stdin`) as UTF-8, refusing bytes that are not UTF-8 text; output
 * goes to `streams.stdout` and `streams.stderr`.
 *
 * @param streams - usually `process`.
 * @returns the I/O for {@link runCli}.
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), nodeIo(process));
 * ```
 * @category CLI
 */
export function nodeIo(streams: NodeStreams): CliIo {
  const readStdin = async (): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of streams.stdin) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    }
    return Buffer.concat(chunks);
  };
  return {
    readText: async (file): Promise<Either<string, string>> => {
      let bytes: Buffer;
      try {
        bytes = file === "-" ? await readStdin() : await readFile(file);
      } catch (error) {
        return E.left(describeReadError(error));
      }
      return decodeUtf8(bytes);
    },
    writeOut: (text) => {
      streams.stdout.write(text);
    },
    writeErr: (text) => {
      streams.stderr.write(text);
    },
  };
}
