// An output is a function of its own source, the catalogue and the templates:
// the same bytes whatever else the same run builds, and in whatever order.
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkSources, planOutputs, renderEach, type BuildOptions } from '../src/pipeline.js';
import { BuildResources } from '../src/writers/resources.js';
import { sharedPrinter } from '../src/writers/pdf/shared-printer.js';
import { renumberStructureIds } from '../src/writers/pdf/structure-ids.js';
import { setPdfDates } from '../src/writers/pdf/dates.js';
import { ROOT, SOURCE, runCli, scratch } from './helpers/cli.js';

const COMPANIONS = join(ROOT, 'test', 'fixtures', 'companions');
const OTHERS = ['C17-24.md', 'C17-25.md', 'C17-26.md'];
const OUTPUTS = ['C17-23-E.html', 'C17-23-E.pdf', 'C17-23-E.docx', 'C17-23-E.ics', 'C17-23-E-standards.csv'];

/** A folder with the seed, its catalogue and, if asked, the three other sources. */
function folder(withOthers: boolean): string {
  const dir = join(scratch(), 'source');
  mkdirSync(dir);
  copyFileSync(SOURCE, join(dir, 'C17-23.md'));
  copyFileSync(join(ROOT, 'source', 'standards.yaml'), join(dir, 'standards.yaml'));
  if (withOthers) for (const name of OTHERS) copyFileSync(join(COMPANIONS, name), join(dir, name));
  return dir;
}

function build(sources: string[]): Map<string, Buffer> {
  const out = scratch();
  const run = runCli(['build', ...sources, '--out', out, '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  return new Map(OUTPUTS.map((name) => [name, readFileSync(join(out, name))]));
}

function expectSame(actual: Map<string, Buffer>, expected: Map<string, Buffer>, how: string): void {
  for (const name of OUTPUTS) {
    expect(Buffer.compare(actual.get(name)!, expected.get(name)!), `${name}, ${how}`).toBe(0);
  }
}

it('writes the same bytes for C17/23 built alone and with three other documents, first or last', () => {
  const alone = build([join(folder(false), 'C17-23.md')]);
  const dir = folder(true);
  expect(readdirSync(dir).filter((n) => n.endsWith('.md')).sort()).toEqual(['C17-23.md', ...OTHERS]);
  // The folder is built in name order: C17/23 first. Named last, it is printed after the others, by
  // a tab that printed before whenever the machine builds fewer documents at a time than it has.
  expectSame(build([dir]), alone, 'built first');
  for (let run = 1; run <= 2; run++) {
    expectSame(build([...OTHERS.map((n) => join(dir, n)), join(dir, 'C17-23.md')]), alone, `built last, run ${run}`);
  }
}, 240_000);

it('prints the same PDF in a tab that printed other documents before, whatever the order', async () => {
  const dir = folder(true);
  const options = (resources: BuildResources, formats: BuildOptions['formats']): BuildOptions => ({
    outDir: scratch(),
    templatesDir: join(ROOT, 'templates'),
    formats,
    resources,
  });
  const checked = await checkSources([join(dir, 'C17-23.md'), ...OTHERS.map((n) => join(dir, n))], join(ROOT, 'templates'));
  const [seed, ...others] = checked;

  const pdfOf = async (resources: BuildResources, sources: typeof checked) => {
    // One document at a time: each print waits for the one before, in the one tab.
    const pdfs: Uint8Array[] = [];
    for (const source of sources) {
      const { rendered, failed } = await renderEach(planOutputs([source], options(resources, ['pdf'])), options(resources, ['pdf']));
      expect(failed).toEqual([]);
      pdfs.push(rendered[0]!.content as Uint8Array);
    }
    return pdfs;
  };
  const fresh = new BuildResources();
  const after = new BuildResources();
  try {
    const [alone] = await pdfOf(fresh, [seed!]);
    const printed = await pdfOf(after, [...others, seed!, ...others]);
    expect(Buffer.compare(Buffer.from(printed[3]!), Buffer.from(alone!)), 'C17/23 printed after three others').toBe(0);

    // What the fix is for: Chromium's own bytes do differ (its structure ids count the tab's nodes).
    const html = (await renderEach(planOutputs([seed!], options(fresh, ['html'])), options(fresh, ['html']))).rendered[0]!.content as string;
    // Chromium dates each print by the clock, to the second; the writer replaces those dates.
    const dated = (pdf: Uint8Array) => setPdfDates(pdf, new Date(Date.UTC(2017, 2, 31)));
    const first = dated((await sharedPrinter(fresh).print(html)).pdf);
    const second = dated((await sharedPrinter(fresh).print(html)).pdf);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).not.toBe(0);
    expect(Buffer.compare(Buffer.from(renumberStructureIds(first)), Buffer.from(renumberStructureIds(second)))).toBe(0);
    expect(Buffer.from(renumberStructureIds(first)).toString('latin1')).toContain('/ID (node00000001)');
  } finally {
    await Promise.all([fresh.close(), after.close()]);
  }
}, 240_000);
