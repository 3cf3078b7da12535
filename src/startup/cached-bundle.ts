// Runs a CommonJS bundle with the code V8 compiled for it when it was built.
// A build runs in a fresh process, so every function it calls would otherwise
// be compiled again on each run; loading the compiled code takes a fraction
// of that. V8 checks the cache against the bundle and its own version, and
// compiles from source when they do not match, so a stale cache is only slow.
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

function cached(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

// The bundle is written in ASCII (see the Makefile), so it is read as Latin-1:
// that makes a one-byte string at once, where decoding UTF-8 took tens of
// milliseconds. A bundle with other characters is still read as UTF-8.
function source(path: string): string {
  const bytes = readFileSync(path);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Runs `bundle`, with its code cache from `cache` when that fits it; returns what it exports. */
export function runCachedBundle(bundle: string, cache: string): unknown {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source(bundle)}\n})`;
  // The bundle uses require(), never import(), for what is left outside it:
  // a script run from cached code has no way to import.
  const script = new Script(wrapped, { filename: bundle, cachedData: cached(cache) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

  // `make` sets this on a run of the whole pipeline, so that the cache holds the
  // code of every function a build calls, not only of those run at load time.
  if (process.env['COUNCIL_DOCS_WRITE_CODE_CACHE'] === '1') {
    process.once('exit', () => writeFileSync(cache, script.createCachedData()));
  }
  return module.exports;
}
