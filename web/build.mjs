// Bundle src/index.ts into dist/customer-notes.js (committed; tests/web checks it is current).
// `node build.mjs [--outdir DIR]`: the same options always give the same bytes.
import { build } from "esbuild";

const args = process.argv.slice(2);
const at = args.indexOf("--outdir");
const outdir = at >= 0 ? args[at + 1] : new URL("./dist", import.meta.url).pathname;

await build({
  entryPoints: [new URL("./src/index.ts", import.meta.url).pathname],
  outfile: `${outdir}/customer-notes.js`,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  sourcemap: false,
  charset: "utf8",
  logLevel: "warning",
});
