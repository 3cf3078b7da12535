// The body's constructs in the HTML, read back with an HTML parser as a
// browser or screen reader sees them: tables, footnotes, figures, sub-headings,
// deeper numbers, annexes and cross-references of the project's test document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { buildBody } from './helpers/cli.js';

let tree: Root;
const text = (node: Element | undefined) => (node ? toText(node).replace(/\s+/g, ' ').trim() : '');
const byId = (id: string) => select(`[id="${id}"]`, tree) as Element | undefined;

beforeAll(() => {
  tree = fromHtml(readFileSync(join(buildBody('html'), 'C18-45-E.html'), 'utf8'));
});

describe('the body in HTML', () => {
  it('has tables with a numbered caption, column headers and aligned cells', () => {
    const tables = selectAll('table.body-table', tree);
    expect(tables).toHaveLength(3);
    const [offices, events, forms] = tables as [Element, Element, Element];
    // A table without a "Table:" line has no caption, and takes no number.
    expect(select('caption', forms)).toBeUndefined();
    expect(text(select('caption', offices) as Element)).toBe('Table 1 – Regional and area offices at 31 December 2017');
    const heads = selectAll('thead th', offices);
    expect(heads.map((th) => text(th))).toEqual(['Region', 'Regional office', 'Area offices', 'Posts budgeted', 'Posts filled']);
    expect(heads.every((th) => th.properties.scope === 'col')).toBe(true);
    const firstRow = selectAll('tbody tr', offices)[0]!;
    expect(selectAll('td', firstRow).map((td) => text(td))).toEqual(['Africa', 'Addis Ababa', 'Dakar, Harare, Yaoundé', '14', '12']);
    expect(selectAll('td', firstRow)[3]!.properties.className).toEqual(['align-end']);
    expect(text(select('caption', events) as Element)).toBe('Table 2 – Selected events supported by the regional offices in 2017');
    expect(selectAll('tbody tr', events)).toHaveLength(36);
  });

  it('links a standard and an event named in a table cell, as in a paragraph', () => {
    const cells = selectAll('#table-2 td', tree);
    const standard = cells.map((td) => select('a.standard', td)).find(Boolean) as Element;
    expect(text(standard)).toBe('ITU-T Y.4900/L.1600');
    expect(standard.properties.href).toBe('https://www.itu.int/rec/T-REC-Y.4900');
    expect(cells.some((td) => text(select('span.event', td) as Element | undefined) === 'Regional Preparatory Meeting for Africa')).toBe(true);
  });

  it('numbers footnotes by their citation, links each both ways, and lists them at the end', () => {
    const refs = selectAll('sup.footnote-ref a', tree);
    expect(refs.map((a) => text(a))).toEqual(['1', '2', '3', '4', '5']);
    for (const ref of refs) {
      const note = byId(String(ref.properties.href).slice(1))!;
      expect(note.tagName).toBe('li');
      const back = select('a.footnote-back', note) as Element;
      expect(back.properties.href).toBe(`#${ref.properties.id}`);
      expect(back.properties.ariaLabel).toBe(`Back to the text of note ${text(ref)}`);
    }
    expect(text(byId('fn-2'))).toContain('Posts funded from the regular budget only');
    expect(text(select('sup.footnote-ref > a#fnref-2', tree) as Element)).toBe('2');
    expect(text(select('.footnotes-heading', tree) as Element)).toBe('Notes');
  });

  it('shows figures with their alt text and a numbered caption', () => {
    const figures = selectAll('figure.figure', tree);
    expect(figures).toHaveLength(2);
    const img = select('img', figures[0]!) as Element;
    expect(img.properties.alt).toBe('Bar chart of events organized by each regional office in 2017');
    expect(String(img.properties.src)).toMatch(/^data:image\/svg\+xml;base64,/);
    expect([img.properties.width, img.properties.height]).toEqual([480, 240]);
    expect(text(select('figcaption', figures[0]!) as Element)).toBe('Figure 1 – Events organized by each regional office in 2017');
    expect(String((select('img', figures[1]!) as Element).properties.src)).toMatch(/^data:image\/png;base64,/);
  });

  it('numbers paragraphs 2.5.1 and 2.5.2 under 2.5, the number a word apart from the text, and keeps sub-headings in order of levels', () => {
    expect(text(byId('para-2.5.1'))).toBe('2.5.1 Its agenda is prepared by the regional office that chairs it, in rotation.');
    expect(text(select('[id="para-2.5.1"] .number', tree) as Element)).toBe('2.5.1');
    expect(text(byId('para-2.6'))).toMatch(/^2\.6 An annual meeting/);
    const headings = selectAll('h1, h2, h3, h4, h5, h6', tree).map((h) => Number(h.tagName[1]));
    headings.reduce((previous, level) => (expect(level).toBeLessThanOrEqual(previous + 1), level));
    expect(selectAll('h3.subheading', tree).map((h) => text(h))).toEqual(['Offices', 'Coordination with headquarters', 'Assistance to Member States']);
  });

  it('starts annexes after the sections, each with its label and numbering, the standards annex last', () => {
    const annexes = selectAll('section.annex', tree);
    expect(annexes.map((a) => text(select('.annex-label', a) as Element))).toEqual(['ANNEX 1', 'ANNEX 2', 'ANNEX 3']);
    expect(text(select('.annex-title', annexes[0]!) as Element)).toBe('Coordination mechanism between the regional offices and headquarters');
    expect(selectAll('.paragraph .number', annexes[0]!).map((n) => text(n))).toEqual(['1', '1.1', '1.2', '2']);
  });

  it('prints the current number of what a reference names, linked to it', () => {
    const refs = Object.fromEntries(selectAll('a.xref', tree).map((a) => [String(a.properties.href), text(a)]));
    expect(refs).toMatchObject({
      '#table-1': 'Table 1',
      '#section-2': 'section 2',
      '#para-2.2': '2.2',
      '#annex-1': 'Annex 1',
      '#figure-1': 'Figure 1',
      '#fn-2': 'the note on posts',
      '#heading-2': '“Coordination with headquarters”',
      '#para-2.5.1': '2.5.1',
    });
    for (const href of Object.keys(refs)) expect(byId(href.slice(1)), href).toBeDefined();
  });
});
