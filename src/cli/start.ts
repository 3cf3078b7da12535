#!/usr/bin/env node
// The `council-docs` command: runs the bundled program (council-docs.cjs)
// with the code V8 compiled for it when it was built (council-docs.code-cache).
// A build runs in a fresh process, so every function it calls would otherwise
// be compiled again on each run; loading the compiled code takes a fraction
// of that. V8 checks the cache against the bundle and its own version, and
// compiles from source when they do not match, so a stale cache is only slow.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const here = import.meta.dirname;
const bundle = join(here, 'council-docs.cjs');
const cache = join(here, 'council-docs.code-cache');

function cached(): Buffer | undefined {
  try {
    return readFileSync(cache);
  } catch {
    return undefined;
  }
}

const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
// The bundle uses require(), never import(), for what is left outside it:
// a script run from cached code has no way to import.
const script = new Script(wrapped, { filename: bundle, cachedData: cached() });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, here);

// `make` sets this on a run of the whole pipeline, so that the cache holds the
// code of every function a build calls, not only of those run at load time.
if (process.env['COUNCIL_DOCS_WRITE_CODE_CACHE'] === '1') {
  process.once('exit', () => writeFileSync(cache, script.createCachedData()));
}
