// Builds what `npm start` runs: every file of src/ and commands/ as plain JavaScript under dist/, in the same
// folders (dist/src/main.js), each relative import pointing at the built file (packages stay imports of
// node_modules). Run from the sources through tsx, the bot and its map render process would each carry tsx's
// loader, a second V8 isolate on a thread of its own: 20 MB of the bot's memory at 10,000 profiles, 14 MB of the
// render process's. File by file rather than bundled, so a stack trace in the log names the module it came from.
// Takes well under a second; `npm start` builds every time, so what runs is what is checked out.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');

// A .mjs file that registers tsx only starts a worker or a child process from the sources: built, the file it
// imports is started directly.
const sources = [];
for (const folder of ['src', 'commands']) {
  for (const file of await readdir(path.join(root, folder), { recursive: true })) {
    const full = path.join(root, folder, file);
    if (file.endsWith('.ts')) sources.push(full);
    else if (file.endsWith('.mjs') && !(await readFile(full, 'utf8')).includes("from 'tsx/"))
      sources.push(full);
  }
}

/** Each file is built on its own: a relative import stays an import, of the built file's name. */
const fileByFile = {
  name: 'file-by-file',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path.replace(/\.ts$/, '.js'), external: true },
    );
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: sources,
  outbase: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  plugins: [fileByFile],
  logLevel: 'warning',
});
