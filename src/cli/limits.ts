/**
 * How much one command reads (§8: one JSON document and no trace whatever
 * the input). Measured on this project's CLI: a 28 MB order refunded in
 * full by `apply --pretty` prints 195 MB and peaks at 1.06 GB of memory; a
 * 200 MB order overflows the engine's longest string and a 283 MB one the
 * heap. Sixteen megabytes (60,000 lines, a hundred times the largest real
 * order we know of) keeps every command below 700 MB, within Node's default
 * heap on any machine with 4 GB or more (docs/decisions.md).
 *
 * @module
 */

/**
 * The most bytes one input file (or standard input) of `calculate` and
 * `apply`, and one order of `audit` (a JSON line or a pretty-printed
 * document), may have: 16 MB. A larger one is `INVALID_INPUT` naming it.
 *
 * @example
 * ```ts
 * nodeIo(process, { maxInputBytes: MAX_INPUT_BYTES });
 * ```
 * @category CLI
 */
export const MAX_INPUT_BYTES = 16 * 2 ** 20;
