// The project's own C17/23 in its six languages, built from source/ as `make` builds it: every
// output of every language, the Chinese and Arabic PDFs giving back their words in the fonts of
// their scripts, and calendars that describe the same events in each language.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { parse } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { ROOT, runCli, scratch } from './helpers/cli.js';
import { pageText, pdffonts } from './helpers/pdf.js';

let out: string;
const SUFFIXES = { en: 'E', fr: 'F', es: 'S', ar: 'A', zh: 'C', ru: 'R' } as const;
const file = (language: keyof typeof SUFFIXES, ext: string) => join(out, `C17-23-${SUFFIXES[language]}.${ext}`);

/** The front matter of a source of source/. */
function frontMatter(name: string): Record<string, unknown> {
  const text = readFileSync(join(ROOT, 'source', name), 'utf8');
  return parse(text.slice(4, text.indexOf('\n---', 4))) as Record<string, unknown>;
}

function events(path: string): Map<string, string> {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  return new Map(calendar.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), String(e.getFirstPropertyValue('summary'))]));
}

/** Arabic letters with their counts: poppler gives a right-to-left word in pieces, but every letter. */
function arabicLetters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.match(/[\u0621-\u064a]/gu) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

beforeAll(() => {
  out = join(scratch('council-docs-six-'), 'out');
  const run = runCli(['build', 'source', '--out', out, '--quiet']);
  if (run.status !== 0 || run.stderr !== '') throw new Error(`build of source/ (${run.status}):\n${run.stderr}`);
}, 300_000);

describe('C17/23 in six languages', () => {
  it('has every output of every language', () => {
    const names = new Set(readdirSync(out));
    for (const suffix of Object.values(SUFFIXES)) {
      for (const ext of ['html', 'pdf', 'docx', 'ics']) expect(names.has(`C17-23-${suffix}.${ext}`), `C17-23-${suffix}.${ext}`).toBe(true);
    }
  });

  it('prints the Chinese in a CJK font that gives back its words', () => {
    const zh = frontMatter('C17-23.zh.md');
    const page = pageText(file('zh', 'pdf'), 1).replace(/\s+/g, '');
    expect(page).toContain(String(zh['title']));
    expect(page).toContain(String(zh['summary']).replace(/\s+/g, ''));
    // The Chinese text is in WenQuanYi Micro Hei, embedded by name; its bold, which the font has not,
    // Chromium draws by thickening the regular glyphs, and embeds those as unnamed Type 3 glyphs.
    const fonts = pdffonts(file('zh', 'pdf'));
    expect(fonts.some((f) => /WenQuanYiMicroHei/.test(f.name) && f.type === 'CID TrueType')).toBe(true);
    expect(fonts.some((f) => /Carlito/.test(f.name))).toBe(true);
  });

  it('prints the Arabic right to left in Amiri, every letter of its title and summary on page 1', () => {
    const ar = frontMatter('C17-23.ar.md');
    const fonts = pdffonts(file('ar', 'pdf')).map((f) => f.name);
    expect(fonts.some((name) => /Amiri/.test(name))).toBe(true);
    const page = arabicLetters(pageText(file('ar', 'pdf'), 1));
    for (const [letter, count] of arabicLetters(`${ar['title']} ${ar['summary']}`)) {
      expect(page.get(letter) ?? 0, letter).toBeGreaterThanOrEqual(count);
    }
    const html = readFileSync(file('ar', 'html'), 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
  });

  it('numbers the French paragraphs as the English ones', () => {
    const numbers = (language: 'en' | 'fr') =>
      selectAll('p.paragraph .number', fromHtml(readFileSync(file(language, 'html'), 'utf8'))).map((n) => toText(n));
    expect(numbers('fr')).toEqual(numbers('en'));
    expect(numbers('fr').length).toBeGreaterThan(20);
  });

  it('has calendars of the same events, each in its language', () => {
    const english = events(file('en', 'ics'));
    for (const language of ['fr', 'es', 'ar', 'zh', 'ru'] as const) {
      const translated = events(file(language, 'ics'));
      expect([...translated.keys()].sort(), language).toEqual([...english.keys()].sort());
      const words = frontMatter(`C17-23.${language}.md`)['events'] as Record<string, { title: string }>;
      const uid = 'wrc-19@c17-23.council.itu.int';
      // Typed quotes become typographic ones, as in the English calendar.
      expect(translated.get(uid)!.replace(/[’]/g, "'"), language).toBe(words['wrc-19']!.title.replace(/[’]/g, "'"));
    }
  });
});
