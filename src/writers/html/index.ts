// Model → one self-contained HTML file, laid out by templates/html/*.hbs.
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Annex, Block, CouncilDocument, Figure, Table } from '../../model/document.js';
import type { WriteOptions } from '../options.js';
import { inlinesToHtml } from './inlines.js';
import { fromTemplates, type ReadTemplate } from '../../templates/cache.js';
import { escapeHtml } from './escape.js';
import { changesWords } from '../../locale/changes.js';
import { eventItemText } from '../../locale/events.js';
import { annexView } from '../../locale/annex.js';
import { recordView } from '../../locale/record.js';
import { annexLabel, figureCaption, noteBack, tableCaption, type Around } from '../../locale/body.js';
import type { LocaleData } from '../../locale/locale.js';
import { namedFamilies } from '../../fonts/font-stack.js';

interface Templates {
  document: HandlebarsTemplateDelegate;
  css: HandlebarsTemplateDelegate;
}

function templates(dir: string): Templates {
  return fromTemplates(`html:${dir}`, (read) => compileTemplates(dir, read));
}

function compileTemplates(dir: string, readTemplate: ReadTemplate): Templates {
  const hb = Handlebars.create();
  const read = (name: string) => readTemplate(join(dir, 'html', name));
  hb.registerPartial('list', read('list.hbs'));
  hb.registerPartial('blocks', read('blocks.hbs'));
  const compiled = {
    document: hb.compile(read('document.hbs'), { strict: false }),
    css: hb.compile(read('style.css.hbs'), { noEscape: true }),
  };
  return compiled;
}

/** A CSS string body: quotes, backslashes and newlines escaped, and "<" so no "</style>" can form. */
function cssString(text: string): string {
  return text.replace(/[\\"<\n]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).toUpperCase()} `);
}

/** The fonts the stylesheet sets every text in (its `--body-font`), for the missing-glyph check. */
export function bodyFonts(templatesDir: string, locale: LocaleData): string[] {
  const css = templates(templatesDir).css({ font: locale.font });
  return namedFamilies(/--body-font:([^;]*);/.exec(css)?.[1] ?? '');
}

function listView(block: Extract<Block, { type: 'list' }>, document: CouncilDocument, options: WriteOptions): unknown {
  const html = (inlines: Parameters<typeof inlinesToHtml>[0]) => inlinesToHtml(inlines, options.locale);
  return {
    level: Math.min(block.level, 3),
    items: block.items.map((item) => {
      const event = item.event?.event;
      // An item whose words are all one event's name is that event's entry: it takes the event's anchor.
      const first = item.children.length === 1 ? item.children[0] : undefined;
      const only = first?.type === 'event' ? first.event : undefined;
      return {
        // An item that lists an event (`- <event:id>`): the tool writes its words from the event's data.
        html: event ? escapeHtml(eventItemText(event, document.events, options.locale)) : html(item.children),
        id: (event || only) && item.change !== 'deleted' ? `event-${(event ?? only)!.id}` : undefined,
        change: item.change,
        sublists: item.sublists.map((sub) => listView(sub, document, options)),
      };
    }),
  };
}

/** Locale words around the author's, escaped: the caption of a table or figure. */
function captionHtml(words: Around, html: string): string {
  return escapeHtml(words.before) + html + escapeHtml(words.after);
}

const ALIGN = { left: 'start', center: 'center', right: 'end' } as const;

function tableView(table: Table, options: WriteOptions): unknown {
  const html = (inlines: Parameters<typeof inlinesToHtml>[0]) => inlinesToHtml(inlines, options.locale);
  const cell = (children: Parameters<typeof inlinesToHtml>[0], i: number) => ({
    html: html(children),
    align: table.align[i] ? ALIGN[table.align[i]!] : undefined,
  });
  return {
    table: true,
    id: table.title ? table.id : undefined,
    caption: table.title ? captionHtml(tableCaption(table.number, options.locale), html(table.title)) : undefined,
    head: table.head.map((c, i) => cell(c.children, i)),
    rows: table.rows.map((row, r) => ({ change: table.rowChanges?.[r], cells: row.map((c, i) => cell(c.children, i)) })),
  };
}

function figureView(figure: Figure, options: WriteOptions): unknown {
  const image = figure.image!;
  return {
    figure: true,
    id: figure.id,
    src: `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`,
    alt: figure.alt,
    width: Math.round(image.width),
    height: Math.round(image.height),
    caption: captionHtml(figureCaption(figure.number, figure.caption !== undefined, options.locale), figure.caption ? inlinesToHtml(figure.caption, options.locale) : ''),
  };
}

function blockView(block: Block, document: CouncilDocument, options: WriteOptions): unknown {
  switch (block.type) {
    case 'paragraph':
      return {
        paragraph: true,
        id: block.id,
        number: block.number,
        change: block.change,
        deleted: block.change === 'deleted',
        level: block.level,
        // Level 1 is the shape every Council document has; only deeper paragraphs need a class of their own.
        deeper: block.level > 1,
        continuation: block.continuation,
        html: inlinesToHtml(block.children, options.locale),
      };
    case 'heading':
      // Sections are h2 under the title's h1, so ## is h3 and ### is h4: no level skipped.
      return { heading: true, id: block.id, tag: `h${block.level + 1}`, level: block.level, change: block.change, html: inlinesToHtml(block.children, options.locale) };
    case 'table':
      return tableView(block, options);
    case 'figure':
      return figureView(block, options);
    case 'list':
      return listView(block, document, options);
  }
}

function annexSectionView(annex: Annex, document: CouncilDocument, options: WriteOptions): unknown {
  return {
    id: annex.id,
    label: annexLabel(annex.number, options.locale),
    title: inlinesToHtml(annex.title, options.locale),
    blocks: annex.blocks.map((block) => blockView(block, document, options)),
  };
}

function footnotesView(document: CouncilDocument, options: WriteOptions): unknown {
  const cited = document.footnotes.filter((note) => note.number > 0);
  if (cited.length === 0) return undefined;
  return {
    heading: options.locale.body.notes_heading,
    notes: cited.map((note) => ({
      number: note.number,
      change: note.change,
      anchor: note.anchor,
      back: noteBack(note.number, options.locale),
      paragraphs: note.paragraphs.map((p) => inlinesToHtml(p, options.locale)),
    })),
  };
}

export function htmlContext(document: CouncilDocument, options: WriteOptions) {
  const { labels, settings } = options;
  const [pageBefore, pageAfter] = labels.pageNumber('\u0000').split('\u0000') as [string, string];
  const css = templates(options.templatesDir).css({
    pageBefore: cssString(pageBefore),
    pageAfter: cssString(pageAfter ?? ''),
    documentNumber: cssString(labels.documentNumber),
    footer: cssString(labels.footer),
    rtl: labels.direction === 'rtl',
    font: options.locale.font,
  });
  const logo = `data:${settings.logo.mime};base64,${Buffer.from(settings.logo.bytes).toString('base64')}`;
  return {
    labels,
    css,
    logo,
    summary: inlinesToHtml(document.meta.summary, options.locale),
    actionRequired: inlinesToHtml(document.meta.actionRequired, options.locale),
    references: document.meta.references.map((r) => inlinesToHtml(r, options.locale)),
    changes: document.changes ? changesWords(document.changes, options.locale) : undefined,
    sections: document.sections.map((section) => ({
      id: section.id,
      number: section.number,
      change: section.change,
      title: inlinesToHtml(section.title, options.locale),
      blocks: section.blocks.map((block) => blockView(block, document, options)),
    })),
    annexes: document.annexes.map((annex) => annexSectionView(annex, document, options)),
    footnotes: footnotesView(document, options),
    annex: annexView(document.standards, options.locale, document.annexes),
    record: recordView(document.meta, document.sections, options.locale),
  };
}

export function writeHtml(document: CouncilDocument, options: WriteOptions): string {
  const render = () => templates(options.templatesDir).document(htmlContext(document, options));
  return options.renders ? options.renders.once('html', document, render) : render();
}
