// Bundle src/index.ts into dist/customer-notes.js and graphiql/main.js into dist/graphiql/
// (GraphiQL, React and their styles, so /graphql needs no CDN). Both are committed; tests/web
// checks they are current. `node build.mjs [--outdir DIR]`: the same options give the same bytes.
import { build } from "esbuild";

const args = process.argv.slice(2);
const at = args.indexOf("--outdir");
const outdir = at >= 0 ? args[at + 1] : new URL("./dist", import.meta.url).pathname;
const common = {
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  sourcemap: false,
  charset: "utf8",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: [new URL("./src/index.ts", import.meta.url).pathname],
  outfile: `${outdir}/customer-notes.js`,
});
await build({
  ...common,
  entryPoints: [new URL("./graphiql/main.js", import.meta.url).pathname],
  outfile: `${outdir}/graphiql/graphiql.js`,
  define: { "process.env.NODE_ENV": '"production"' },
});
