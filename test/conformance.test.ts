// The HTML against the outside world's checkers: the Nu Html Checker for
// markup, axe-core in Chromium for accessibility.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBody, buildSeed } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const documents: { name: string; path: string }[] = [];

beforeAll(() => {
  documents.push({ name: 'C17/23', path: join(buildSeed('html'), 'C17-23-E.html') });
  // Tables, footnotes, figures, sub-headings, annexes and cross-references.
  documents.push({ name: 'C18/45', path: join(buildBody('html'), 'C18-45-E.html') });
});

describe.each(['C17/23', 'C18/45'])('HTML conformance of %s', (name) => {
  const htmlPath = () => documents.find((d) => d.name === name)!.path;
  it('has no error in the Nu Html Checker', () => {
    const jar = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', htmlPath()], { encoding: 'utf8' });
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; message: string; lastLine?: number }[] };
    const errors = report.messages.filter((m) => m.type === 'error');
    expect(errors).toEqual([]);
  });

  it('has no axe-core violation in Chromium, on a desktop and on a phone', async () => {
    const { default: puppeteer } = await import('puppeteer');
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const browser = await puppeteer.launch({
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740, isMobile: true }]) {
        await page.setViewport(viewport);
        await page.goto(`file://${htmlPath()}`);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run();
          return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
        });
        expect(violations).toEqual([]);
        // Readable on a phone: nothing wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
    } finally {
      await browser.close();
    }
  });
});
