/**
 * The version `refund-core --version` prints.
 *
 * @module
 */

/**
 * The package's version, as in `package.json` (a test keeps the two equal;
 * a constant, not a read of `package.json`, so that the CLI works the same
 * bundled into one file).
 *
 * @example
 * ```ts
 * process.stdout.write(`refund-core ${VERSION}\n`);
 * ```
 * @category CLI
 */
export const VERSION = "0.1.0";
