// Independent checks of an HTML file: the Nu Html Checker (vnu-jar) and axe-core in Chromium.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Nu Html Checker's errors for each file, one run of Java for all of them. */
export function vnuErrors(paths: string[]): { file: string; message: string; line?: number }[] {
  const jar = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
  const run = spawnSync('java', ['-jar', jar, '--format', 'json', ...paths], { encoding: 'utf8' });
  const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url: string; message: string; lastLine?: number }[] };
  return report.messages.filter((m) => m.type === 'error').map((m) => ({ file: m.url, message: m.message, line: m.lastLine }));
}

export interface AxeFinding {
  id: string;
  help: string;
  nodes: number;
}

/** axe-core's violations of each page on a desktop and on a phone, and how much wider than the phone's screen it is. */
export async function axeReport(paths: string[]): Promise<{ file: string; width: number; violations: AxeFinding[]; overflow: number }[]> {
  const { default: puppeteer } = await import('puppeteer');
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await puppeteer.launch({
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = [];
  try {
    const page = await browser.newPage();
    for (const file of paths) {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740, isMobile: true }]) {
        await page.setViewport(viewport);
        await page.goto(`file://${file}`);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run();
          return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
        });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        results.push({ file, width: viewport.width, violations, overflow });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
