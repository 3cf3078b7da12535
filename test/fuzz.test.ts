// Property: whatever an edit does to a source (a cut, a duplicated or swapped
// passage, stray bytes, Markdown syntax in odd places), the pipeline either
// builds or answers with positioned messages; it never throws, and what it
// builds is sound to readers that share no code with the writers: every XML
// part of the DOCX is well-formed XML (a strict parser), the calendar is read
// by ical.js, the HTML parses without an error, the CSV is RFC 4180. Runs in
// this process through the pipeline's own functions, a few hundred cases in
// `make test`, FUZZ_RUNS (10,000 in `make fuzz`) otherwise. Chromium prints a
// sample of the sources that built (it takes seconds a document, where the
// other writers take milliseconds), each PDF checked by qpdf. A failure prints
// the seed and the shrunk edits that reproduce it: FUZZ_SEED=<seed> replays it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSources, planOutputs, renderEach, type BuildOptions } from '../src/pipeline.js';
import { hasErrors } from '../src/diagnostics/report.js';
import type { CouncilDocument } from '../src/model/document.js';
import { ROOT, SOURCE, runCli, scratch } from './helpers/cli.js';
import { calendarEvents, csvRows, docxProblems, htmlProblems } from './helpers/outputs.js';
import { qpdfCheck } from './helpers/pdf.js';

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
  // Characters no document can hold, raw and as YAML escapes, and invisible ones inside identifiers.
  '\uffff', '\ufffe', '\u001b[2J', '\u0007', '"\\0"', '"\\e"', '"\\uFFFF"', '"\\x85"', '"\\uD800"', '"\\U0001F600"',
  '\u200d', '\u2060', '\u2066', '\u202c', '\u200f', 'ITU-T Y.41\u200b13', '\u00ad',
  // A word longer than any line.
  'Internetofthingsinteroperability'.repeat(8),
];

type Edit =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'swap'; a: number; b: number; length: number }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'characters'; at: number; text: string }
  | { kind: 'syntax'; at: number; token: string; times: number; lineStart: boolean };

// A quarter of the edits land in the front matter, which is a twentieth of the file.
const frontMatterEnd = seed.indexOf('\n---\n', 4) + 5;
const position = fc.oneof({ arbitrary: fc.nat({ max: 1 << 20 }), weight: 3 }, { arbitrary: fc.nat({ max: frontMatterEnd }), weight: 1 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: position, length: fc.nat({ max: 3000 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.nat({ max: 3000 }), to: position }),
  fc.record({ kind: fc.constant('swap' as const), a: position, b: position, length: fc.nat({ max: 500 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  // Any code point, as UTF-8: controls, noncharacters, marks, invisible and right-to-left ones.
  fc.record({ kind: fc.constant('characters' as const), at: position, text: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) }),
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
      case 'bytes':
      case 'characters': {
        const p = at(e.at);
        const inserted = e.kind === 'bytes' ? e.bytes : Buffer.from(e.text, 'utf8');
        bytes = Buffer.concat([bytes.subarray(0, p), inserted, bytes.subarray(p)]);
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

/** Characters XML 1.0 forbids: none may reach an output. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What an independent reader finds wrong with an output of `document`: nothing, for a sound one. */
function outputProblems(path: string, content: string | Uint8Array | null, document: CouncilDocument): string[] {
  if (path.endsWith('.docx')) return docxProblems(content as Uint8Array);
  if (content === null) {
    // Only a calendar may be left out, and only when the document has no event.
    return path.endsWith('.ics') && document.events.length === 0 ? [] : ['no output'];
  }
  const text = content as string;
  if (NOT_XML.test(text)) return [`a character XML forbids at ${text.search(NOT_XML)}`];
  if (path.endsWith('.html')) {
    if (!text.startsWith('<!DOCTYPE html>')) return ['no doctype'];
    if (/<script|<iframe|\son\w+=|href="(?!https?:|mailto:|#)/i.test(text)) return ['active content'];
    return htmlProblems(text);
  }
  if (path.endsWith('.ics')) {
    const expected = document.events.reduce((n, e) => n + 1 + e.parts.length, 0);
    const found = calendarEvents(text).length;
    return found === expected ? [] : [`${found} events in the calendar, ${expected} in the document`];
  }
  if (path.endsWith('.meta.json')) {
    // The index reads it back: it must parse, and give the title as the document has it.
    const entry = JSON.parse(text) as { title?: unknown };
    return entry.title === document.meta.title ? [] : ['an entry whose title is not the document\'s'];
  }
  if (path.endsWith('.csv')) {
    const rows = csvRows(text);
    if (rows.some((r) => r.length !== 5)) return ['a row without its five fields'];
    return rows.length === document.standards.length + 1 ? [] : [`${rows.length - 1} rows, ${document.standards.length} standards`];
  }
  return [];
}

describe('a source mangled by random edits', () => {
  it(`builds or is refused with positioned messages, and never throws; every output read back (${RUNS} cases)`, { timeout: Math.max(180_000, RUNS * 300) }, async () => {
    // The catalogue beside the source is read with it, as in source/.
    const dir = scratch('council-docs-fuzz-');
    copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'standards.yaml'));
    const path = join(dir, 'C17-23.md');
    const options: BuildOptions = { outDir: join(dir, 'out'), templatesDir: join(ROOT, 'templates'), formats: ['html', 'docx', 'ics', 'csv'] };
    const outcomes = { built: 0, refused: 0 };
    // Every so many sources that build, one is kept for Chromium to print.
    const printEvery = 150;
    const toPrint = join(dir, 'to-print');
    mkdirSync(toPrint);

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
        const document = checked!.document!;
        expect(document).toBeDefined();
        const { rendered, failed } = await renderEach(planned, options);
        expect(failed.map((f) => String((f.error as Error)?.stack ?? f.error))).toEqual([]);
        // Every format asked for, and the document's entry for the index.
        expect(rendered).toHaveLength(planned.length);
        expect(planned.map((p) => p.format).sort()).toEqual([...options.formats, 'meta'].sort());
        for (const { path: output, content } of rendered) expect(outputProblems(output, content, document), output).toEqual([]);
        if (outcomes.built % printEvery === 0) writeFileSync(join(toPrint, `${outcomes.built}.md`), bytes);
        outcomes.built++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both paths were taken: a property that never builds (or never refuses) tests half the pipeline.
    expect(outcomes.built).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);

    // Each kept source built alone (they share a document number), by the command, and its PDF checked.
    const printed: string[] = [];
    for (const name of readdirSync(toPrint).filter((n) => n.endsWith('.md'))) {
      const source = join(dir, name);
      copyFileSync(join(toPrint, name), source);
      const out = join(toPrint, name.replace(/\.md$/, ''));
      const run = runCli(['build', source, '--out', out, '--format', 'pdf', '--quiet']);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      const pdf = readdirSync(out).find((n) => n.endsWith('.pdf'))!;
      const check = qpdfCheck(join(out, pdf));
      expect(check.status, `${name}: ${check.output}`).toBe(0);
      const text = spawnSync('pdftotext', [join(out, pdf), '-'], { encoding: 'utf8' });
      expect(text.status, `${name}: ${text.stderr}`).toBe(0);
      printed.push(name);
    }
    expect(printed.length).toBeGreaterThan(0);
    console.log(`fuzz: ${RUNS} cases, seed ${SEED}: ${outcomes.built} built, ${outcomes.refused} refused; ${printed.length} printed to PDF`);
  });
});
