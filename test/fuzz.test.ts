// Property: whatever an edit does to a source (a cut, a duplicated or swapped
// passage, stray bytes, Markdown syntax in odd places), the pipeline either
// builds or answers with positioned messages; it never throws. Runs in this
// process through the pipeline's own functions, a few hundred cases in
// `make test`, FUZZ_RUNS (10,000 in `make fuzz`) otherwise. A failure prints
// the seed and the shrunk edits that reproduce it: FUZZ_SEED=<seed> replays it.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSources, planOutputs, renderEach, type BuildOptions } from '../src/pipeline.js';
import { hasErrors } from '../src/diagnostics/report.js';
import { ROOT, SOURCE, scratch } from './helpers/cli.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
// A fixed seed keeps `make test` repeatable; `make fuzz` draws a new one unless FUZZ_SEED is set.
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : process.env['FUZZ_RUNS'] ? Date.now() : 20170331;

const seed = readFileSync(SOURCE);

/** Markdown, YAML, HTML and template syntax, and characters pasted from elsewhere. */
const TOKENS = [
  '*', '**', '_', '__', '[', ']', '(', ')', '](', '](event:', '](javascript:x)', '<', '>', '<script>', '</script>', '<!--', '-->',
  '<div>', '</div>', '\n', '\n\n', '# ', '## ', '- ', '  - ', '    ', '1. ', '> ', '```', '~~~', '^ ', '---', '===', '***', '|', '\\',
  '`', '&amp;', '&#0;', '&#x110000;', ':', ': ', '"', "'", '{{', '}}', '{{{', '\t', '\r\n', '\r', '\u00a0', '\ufeff', '\u2028', '\u200b',
  '\u202e', '“', '”', '<event:iot-week-2017>', '(event:nowhere)', 'ITU-T ', 'ITU-T Y.', 'ITU-R SM.', 'Y.Supp.', '/', '&', '- id: x\n',
  '  date: 2017-02-30\n', '&a ', '*a ', '? ', '!!binary ', '%YAML 1.2\n', '\u0085', '\ud83d\ude00', '![x](file:///etc/passwd)',
];

type Edit =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'swap'; a: number; b: number; length: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'syntax'; at: number; token: string; times: number; lineStart: boolean };

// A quarter of the edits land in the front matter, which is a twentieth of the file.
const frontMatterEnd = seed.indexOf('\n---\n', 4) + 5;
const position = fc.oneof({ arbitrary: fc.nat({ max: 1 << 20 }), weight: 3 }, { arbitrary: fc.nat({ max: frontMatterEnd }), weight: 1 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: position, length: fc.nat({ max: 3000 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.nat({ max: 3000 }), to: position }),
  fc.record({ kind: fc.constant('swap' as const), a: position, b: position, length: fc.nat({ max: 500 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  fc.record({
    kind: fc.constant('syntax' as const),
    at: position,
    token: fc.constantFrom(...TOKENS),
    // Now and then thousands in a row: nesting deep enough to overflow a recursive reader.
    times: fc.oneof({ arbitrary: fc.constant(1), weight: 6 }, { arbitrary: fc.integer({ min: 2, max: 40 }), weight: 3 }, { arbitrary: fc.integer({ min: 200, max: 5000 }), weight: 1 }),
    lineStart: fc.boolean(),
  }),
);

function apply(source: Buffer, edits: Edit[]): Buffer {
  let bytes = source;
  for (const e of edits) {
    const n = bytes.length;
    const at = (p: number) => (n === 0 ? 0 : p % (n + 1));
    switch (e.kind) {
      case 'cut': {
        const start = at(e.at);
        bytes = Buffer.concat([bytes.subarray(0, start), bytes.subarray(Math.min(n, start + e.length))]);
        break;
      }
      case 'duplicate': {
        const from = at(e.from);
        const piece = bytes.subarray(from, Math.min(n, from + e.length));
        const to = at(e.to);
        bytes = Buffer.concat([bytes.subarray(0, to), piece, bytes.subarray(to)]);
        break;
      }
      case 'swap': {
        const [a, b] = [at(e.a), at(e.b)].sort((x, y) => x - y) as [number, number];
        const length = Math.min(e.length, b - a, n - b);
        bytes = Buffer.concat([
          bytes.subarray(0, a),
          bytes.subarray(b, b + length),
          bytes.subarray(a + length, b),
          bytes.subarray(a, a + length),
          bytes.subarray(b + length),
        ]);
        break;
      }
      case 'bytes': {
        const p = at(e.at);
        bytes = Buffer.concat([bytes.subarray(0, p), e.bytes, bytes.subarray(p)]);
        break;
      }
      case 'syntax': {
        let p = at(e.at);
        if (e.lineStart) p = bytes.lastIndexOf(0x0a, p - 1) + 1;
        bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from(e.token.repeat(e.times), 'utf8'), bytes.subarray(p)]);
        break;
      }
    }
  }
  return bytes;
}

describe('a source mangled by random edits', () => {
  it(`builds or is refused with positioned messages, and never throws (${RUNS} cases)`, { timeout: Math.max(120_000, RUNS * 200) }, async () => {
    // The catalogue beside the source is read with it, as in source/.
    const dir = scratch('council-docs-fuzz-');
    copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'standards.yaml'));
    const path = join(dir, 'C17-23.md');
    const options: BuildOptions = { outDir: join(dir, 'out'), templatesDir: join(ROOT, 'templates'), formats: ['html', 'ics', 'csv'] };
    const outcomes = { built: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const bytes = apply(seed, edits);
        writeFileSync(path, bytes);
        const [checked] = await checkSources([path], options.templatesDir);
        const planned = planOutputs([checked!], options);
        const { file } = checked!;
        const lines = bytes.toString('utf8').split('\n').length;
        for (const m of file.messages) {
          expect(m.ruleId, m.reason).toMatch(/^[a-z0-9-]+$/);
          // A message points into its file (the catalogue's messages point into the catalogue).
          if (!m.file) {
            expect(m.line ?? 1, m.reason).toBeGreaterThanOrEqual(1);
            expect(m.line ?? 1, m.reason).toBeLessThanOrEqual(lines + 1);
          }
        }
        if (hasErrors(file)) {
          outcomes.refused++;
          return;
        }
        expect(checked!.document).toBeDefined();
        const { rendered, failed } = await renderEach(planned, options);
        expect(failed.map((f) => String((f.error as Error)?.stack ?? f.error))).toEqual([]);
        const html = rendered.find((r) => r.path.endsWith('.html'))!.content as string;
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).not.toMatch(/<script|<iframe|\son\w+=|href="(?!https?:|mailto:|#)/i);
        outcomes.built++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both paths were taken: a property that never builds (or never refuses) tests half the pipeline.
    expect(outcomes.built).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    console.log(`fuzz: ${RUNS} cases, seed ${SEED}: ${outcomes.built} built, ${outcomes.refused} refused`);
  });
});
