// The five languages besides English, each from a short source of its own
// words: file names, the HTML's language, the first page's labels from the
// locale file, the PDF's fonts and text (poppler), and the DOCX's language
// defaults. Right-to-left layout is tested elsewhere.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { runCli, scratch, sourceFolder } from './helpers/cli.js';

interface Case {
  language: 'fr' | 'es' | 'ru' | 'zh' | 'ar';
  suffix: string;
  meeting: string;
  place: string;
  title: string;
  heading: string;
  sentence: string;
  /** Words the first page must carry, from the locale file. */
  labels: string[];
  /**
   * The embedded font the body's script is printed in, as pdffonts lists it; none checked for fr and es.
   */
  font?: RegExp;
  /** docDefaults of word/styles.xml. */
  docx: RegExp[];
}

const CASES: Case[] = [
  {
    language: 'fr',
    suffix: 'F',
    meeting: 'Conseil 2017',
    place: 'Genève',
    title: 'Faciliter l’Internet des objets',
    heading: 'Introduction',
    // The tool prints a typewriter apostrophe as ’.
    sentence: 'Le présent rapport décrit les activités de l’UIT relatives à l’Internet des objets.',
    labels: [
      'Document C17/23-F',
      'Original: anglais',
      '31 mars 2017',
      'Genève, 15-25 mai 2017',
      "Point de l'ordre du jour: PL 1.14",
      'Rapport du Secrétaire général',
      'Résumé',
      'Suite à donner',
      'Références',
    ],
    docx: [/<w:lang w:val="fr-FR"/],
  },
  {
    language: 'es',
    suffix: 'S',
    meeting: 'Consejo 2017',
    place: 'Ginebra',
    title: 'Facilitar la Internet de las cosas',
    heading: 'Introducción',
    sentence: 'El presente informe describe las actividades de la UIT relativas a la Internet de las cosas.',
    labels: [
      'Documento C17/23-S',
      'Original: inglés',
      '31 de marzo de 2017',
      'Ginebra, 15-25 de mayo de 2017',
      'Punto del orden del día: PL 1.14',
      'Informe del Secretario General',
      'Resumen',
      'Acción solicitada',
      'Referencia',
    ],
    docx: [/<w:lang w:val="es-ES"/],
  },
  {
    language: 'ru',
    suffix: 'R',
    meeting: 'Совет 2017',
    place: 'Женева',
    title: 'Содействие развитию интернета вещей',
    heading: 'Введение',
    sentence: 'В настоящем отчете описывается деятельность МСЭ в области интернета вещей.',
    labels: [
      'Документ C17/23-R',
      'Оригинал: английский',
      '31 марта 2017 г.',
      'Женева, 15–25 мая 2017 г.',
      'Пункт повестки дня: PL 1.14',
      'Резюме',
      'Необходимые действия',
      'Справочные материалы',
    ],
    font: /Carlito/,
    docx: [/<w:lang w:val="ru-RU"/],
  },
  {
    language: 'zh',
    suffix: 'C',
    meeting: '理事会2017年会议',
    place: '日内瓦',
    title: '促进物联网发展',
    heading: '引言',
    sentence: '本报告介绍国际电联在物联网方面开展的活动。',
    labels: ['文件 C17/23-C', '原文：英文', '2017年3月31日', '日内瓦，2017年5月15-25日', '议项：PL 1.14', '秘书长的报告', '概要', '需采取的行动', '参考文件'],
    font: /^[A-Z]{6}\+WenQuanYiMicroHei\s+CID TrueType\s/,
    docx: [/<w:lang [^>]*w:eastAsia="zh-CN"/, /<w:rFonts [^>]*w:eastAsia="WenQuanYi Micro Hei"/],
  },
  {
    language: 'ar',
    suffix: 'A',
    meeting: 'المجلس 2017',
    place: 'جنيف',
    title: 'تيسير إنترنت الأشياء',
    heading: 'مقدمة',
    sentence: 'يصف هذا التقرير أنشطة الاتحاد المتعلقة بإنترنت الأشياء.',
    labels: ['الوثيقة C17/23-A', 'الأصل: بالإنكليزية', '31 مارس 2017', 'ملخص'],
    font: /Amiri/,
    docx: [/<w:lang [^>]*w:bidi="ar-SA"/, /<w:rFonts [^>]*w:cs="Amiri"/],
  },
];

function source(c: Case): string {
  return `---
document: C17/23
date: 2017-03-31
language: ${c.language}
original: en
title: "${c.title}"
meeting:
  name: "${c.meeting}"
  place: "${c.place}"
  start: 2017-05-15
  end: 2017-05-25
agenda_item: PL 1.14
from: report
summary: "${c.sentence}"
action_required: "${c.sentence}"
references:
  - Resolution 197 (Busan, 2014)
---

# ${c.heading}

${c.sentence}
`;
}

// pdftotext wraps right-to-left and left-to-right runs in bidi embedding marks: they are not text.
const words = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
let out: string;

beforeAll(() => {
  const dir = sourceFolder(Object.fromEntries(CASES.map((c) => [`C17-23-${c.suffix}.md`, source(c)])));
  out = scratch();
  const run = runCli(['build', join(dir, 'source'), '--out', out, '--quiet']);
  if (run.status !== 0) throw new Error(`build failed (${run.status}):\n${run.stderr}`);
}, 240_000);

describe.each(CASES)('$language', (c) => {
  const file = (ext: string) => join(out, `C17-23-${c.suffix}.${ext}`);

  it(`names every file with the suffix -${c.suffix}`, () => {
    const mine = readdirSync(out).filter((name) => name.startsWith(`C17-23-${c.suffix}`)).sort();
    // No calendar: the sources list no events.
    expect(mine).toEqual([`C17-23-${c.suffix}-standards.csv`, ...['docx', 'html', 'meta.json', 'pdf'].map((e) => `C17-23-${c.suffix}.${e}`)]);
  });

  it('tags the HTML with the language and prints the locale file’s labels on the first page', () => {
    const tree = fromHtml(readFileSync(file('html'), 'utf8'));
    expect(select('html', tree)?.properties.lang).toBe(c.language);
    const text = words(toText(select('body', tree)!));
    for (const label of c.labels) expect(text).toContain(label);
    expect(text).toContain(c.sentence);
  });

  it('prints the same labels in the PDF, and the body sentence as written', () => {
    const text = words(execFileSync('pdftotext', ['-layout', file('pdf'), '-'], { encoding: 'utf8' }));
    // Chinese has no spaces between words: a line break inside the sentence must not count.
    const squeeze = (s: string) => (c.language === 'zh' ? s.replace(/\s+/g, '') : s);
    if (c.language !== 'ar') {
      for (const label of c.labels) expect(squeeze(text)).toContain(squeeze(label));
    }
    expect(squeeze(words(execFileSync('pdftotext', [file('pdf'), '-'], { encoding: 'utf8' })))).toContain(squeeze(c.sentence));
  });

  it.runIf(c.font !== undefined)('embeds a font that covers the script', () => {
    const fonts = execFileSync('pdffonts', [file('pdf')], { encoding: 'utf8' }).split('\n').slice(2);
    // The columns from the right: object ID (two), uni, sub, emb.
    const embedded = fonts.filter((line) => {
      const columns = line.trim().split(/\s+/);
      return c.font!.test(line) && columns.at(-5) === 'yes' && columns.at(-3) === 'yes';
    });
    expect(embedded.length, fonts.join('\n')).toBeGreaterThan(0);
  });

  it('sets the language in the DOCX document defaults', () => {
    const styles = execFileSync('unzip', ['-p', file('docx'), 'word/styles.xml'], { encoding: 'utf8' });
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    for (const pattern of c.docx) expect(defaults).toMatch(pattern);
  });
});
