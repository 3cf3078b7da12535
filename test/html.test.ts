// The HTML read back with an HTML parser, as a browser or a screen reader would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { buildSeed } from './helpers/cli.js';
import { normalize, printedSeedPieces } from './helpers/seed.js';

let html: string;
let tree: Root;

beforeAll(() => {
  const out = buildSeed('html');
  html = readFileSync(join(out, 'C17-23-E.html'), 'utf8');
  tree = fromHtml(html);
});

const text = (node: Element) => normalize(toText(node, { whitespace: 'normal' }));

/** An item's own words, without those of the lists nested in it. */
function itemText(li: Element): string {
  return normalize(
    li.children
      .filter((c) => !(c.type === 'element' && c.tagName === 'ul'))
      .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? toText(c) : ''))
      .join(''),
  );
}

describe('HTML of C17/23-E', () => {
  it('holds every paragraph of the seed, in order, each number right before its paragraph', () => {
    const blocks = selectAll('.section-heading, .paragraph, main li', tree);
    const found = blocks.map((el) => {
      const classes = (el.properties.className as string[] | undefined) ?? [];
      const number = select(':scope > .number', el);
      if (el.tagName === 'li') return { kind: 'item', text: itemText(el) };
      const numberText = number ? text(number) : undefined;
      const whole = text(el);
      const body = numberText ? normalize(whole.slice(numberText.length)) : whole;
      if (classes.includes('section-heading')) return { kind: 'heading', number: numberText?.replace(/\.$/, ''), text: body };
      if (classes.includes('continuation')) return { kind: 'continuation', text: body };
      return { kind: 'paragraph', number: numberText, text: body };
    });
    expect(found).toEqual(printedSeedPieces());
  });

  it('prints the list of forums word for word as issued, each item anchored by its event id', () => {
    const items = selectAll('#section-4 ul.enumlev1 > li', tree);
    expect(items.map((li) => [li.properties.id, itemText(li)])).toEqual([
      ['event-world-smart-city-forum-2017', 'World Smart City Forum, jointly organized with IEC and ISO, Barcelona, November 2017.'],
      ['event-itu-telecom-world-2017', 'ITU Telecom 25-28 September 2017, Busan, Korea (Republic of), “Smart ABC” (Artificial intelligence, Banking, Cities)'],
      ['event-itu-d-iot-forum-caribbean-2017', 'ITU-D Forum on IoT: Smarter Living in the Caribbean, Port of Spain, Trinidad and Tobago, 24-26 April 2017.'],
      ['event-green-standards-week-2017', '7th ITU Green Standards Week; 3-5 April 2017, Manizales, Colombia'],
      ['event-data-management-forum-2017', 'Forum on “Data Management: Transforming Data Into Value”; 12 March 2017, Dubai, UAE'],
      ['event-green-standards-week-2016', 'Green Standards Week, Montevideo in September 2016:'],
      ['event-smart-cities-expert-group-meeting-2016', 'ITU-UNECE-Habitat III Cross-Cutting Expert Group Meeting on Driving Smart Sustainable Cities Worldwide; 21 July 2016, Geneva, Switzerland'],
      ['event-world-smart-city-forum-2016', 'World Smart City Forum; 13 July 2016, Singapore, jointly organized with IEC and ISO'],
    ]);
  });

  it('keeps the number of a paragraph a word apart from its text, for what a reader copies and a screen reader says', () => {
    expect(toText(select('[id="para-1.1"]', tree) as Element).slice(0, 13)).toBe('1.1 The World');
  });

  it('keeps the words of a paragraph that refers to an event', () => {
    const refs = selectAll('.paragraph .event', tree).map(text);
    expect(refs).toContain('IoT Week 2017 event, 6-9 June 2017, Geneva, Switzerland');
    expect(refs).toContain('World Radiocommunication Conference in November 2019');
  });

  it('nests the Montevideo items under their forum', () => {
    const nested = selectAll('ul.enumlev1 > li > ul.enumlev2 > li', tree).map(itemText);
    expect(nested).toEqual([
      '5-7 September: II Meeting of “Smart Cities for inclusion and sustainability”',
      '8 September: XVII Ibero-American Meeting of Digital Cities',
      '9 September: Forum on “Building the Cities we want: Connecting the dots for the New Urban Agenda”',
    ]);
  });

  it('prints the first page as the Council layout has it', () => {
    const header = text(select('header', tree)!);
    for (const line of ['Council 2017', 'Geneva, 15-25 May 2017', 'Agenda item: PL 1.14', 'Document C17/23-E', '31 March 2017', 'Original: English']) {
      expect(header).toContain(line);
    }
    expect(text(select('.from', tree)!)).toBe('Report by the Secretary-General');
    const h1s = selectAll('h1', tree);
    expect(h1s).toHaveLength(1);
    expect(text(h1s[0]!)).toBe('Facilitating the Internet of Things to prepare for a globally connected world (PP Resolution 197)');
    expect(html).toMatch(/\.title\s*\{[^}]*text-transform:\s*uppercase/);
    const box = text(select('.summary-box', tree)!);
    expect(box).toContain('Summary This report describes ITU’s activities related to Resolution 197 (Busan, 2014)');
    expect(box).toContain('Action required The Council is invited to note the report.');
    expect(box).toContain('References Resolution 197 (Busan, 2014)');
    expect(text(select('.summary-box strong', tree)!)).toBe('note');
    expect(text(select('footer', tree)!)).toBe('www.itu.int/council');
  });

  it('sets the language, the title and the landmarks', () => {
    const root = select('html', tree)!;
    expect(root.properties.lang).toBe('en');
    expect(text(select('title', tree)!)).toBe('C17/23-E: Facilitating the Internet of Things to prepare for a globally connected world (PP Resolution 197)');
    for (const landmark of ['header', 'main', 'footer']) expect(selectAll(landmark, tree)).toHaveLength(1);
    expect(select('meta[name=viewport]', tree)).toBeDefined();
  });

  it('links every ITU standard named in the text to its page at ITU', () => {
    const links = selectAll('a.standard', tree).map((a) => [text(a), a.properties.href]);
    expect(links).toContainEqual(['ITU-T Y.4113', 'https://www.itu.int/rec/T-REC-Y.4113']);
    expect(links).toContainEqual(['ITU-T Y.Supp.42', 'https://www.itu.int/rec/T-REC-Y.Sup42']);
    expect(links).toContainEqual(['ITU-T L.1603/Y.4903', 'https://www.itu.int/rec/T-REC-L.1603']);
    expect(links).toContainEqual(['Recommendation ITU-R SM.1896', 'https://www.itu.int/rec/R-REC-SM.1896']);
    expect(links).toContainEqual(['Report ITU-R SM.2153', 'https://www.itu.int/pub/R-REP-SM.2153']);
    expect(links).toContainEqual(['Recommendation ITU-R M.2002', 'https://www.itu.int/rec/R-REC-M.2002']);
    expect(links).toContainEqual(['Report ITU-R M.2224', 'https://www.itu.int/pub/R-REP-M.2224']);
    // "ITU-T Y.4100 series" names a series, not a standard.
    expect(links.map(([t]) => t)).not.toContain('ITU-T Y.4100');
  });

  it('is one self-contained file: nothing is fetched from outside it', () => {
    const fetched = selectAll('[src], link[href], script, iframe, object, embed', tree);
    for (const el of fetched) expect(String(el.properties.src ?? '')).toMatch(/^data:/);
    expect(selectAll('link, script', tree)).toHaveLength(0);
    expect(html).not.toMatch(/@import|url\((?!data:)/);
  });
});
