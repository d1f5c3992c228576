// Builds the command line as one CommonJS file, dist/cli.cjs (package.json
// `bin`): `npm run build:cli`, part of `npm run build`. One file loads in a
// fraction of the time Node's module loader takes over the ~60 modules of
// dist/cli/ (docs/performance.md, "Cold start").
//
// fp-ts and io-ts are read from their ES module builds (`es6/`, the same code
// as `lib/`): bundled from `lib/` (CommonJS), every `E.isLeft` or
// `t.success` would go through the getter of an interop wrapper.
import { build } from "esbuild";

/** `fp-ts/lib/X.js` → `fp-ts/es6/X.js`, `io-ts/lib/index.js` → `io-ts/es6/index.js`. */
const es6Builds = {
  name: "es6-builds",
  setup(b) {
    b.onResolve({ filter: /^(fp-ts|io-ts)\/lib\// }, (args) =>
      b.resolve(args.path.replace(/^(fp-ts|io-ts)\/lib\//, "$1/es6/"), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      }),
    );
  },
};

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.cjs",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  plugins: [es6Builds],
  logLevel: "warning",
});
