/**
 * Vitest setup: fast-check's global configuration.
 *
 * Under Stryker (`FC_SEED` set by `stryker.config.mjs`) every property runs
 * with one fixed seed, so the test names (`… (with seed=N)`) are the same in
 * every run and each mutant meets the same inputs. Otherwise the seed stays
 * random: every `npm test` explores new inputs, and a failure prints its seed.
 */
import fc from "fast-check";

const { FC_SEED: seed } = process.env;
if (seed !== undefined && seed !== "")
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
