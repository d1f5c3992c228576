import * as E from "fp-ts/lib/Either.js";
import type { CliIo } from "../../src/cli/io.js";

/** In-memory files ("-" is standard input) and captured output. */
export function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const io: CliIo = {
    readText: async (file) => {
      reads.push(file);
      const text = files[file];
      return text === undefined ? E.left("it does not exist") : E.right(text);
    },
    writeOut: (text) => {
      out.push(text);
    },
    writeErr: (text) => {
      err.push(text);
    },
  };
  return {
    io,
    reads,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
    json: () => JSON.parse(out.join("")) as Record<string, unknown>,
  };
}
