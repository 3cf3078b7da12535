// Model → one self-contained HTML file, laid out by templates/html/*.hbs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Block, CouncilDocument } from '../../model/document.js';
import type { WriteOptions } from '../options.js';
import { inlinesToHtml } from './inlines.js';
import { fromTemplates } from '../../templates/cache.js';
import { escapeHtml } from './escape.js';
import { eventItemText } from '../../locale/events.js';
import { annexView } from '../../locale/annex.js';

interface Templates {
  document: HandlebarsTemplateDelegate;
  css: HandlebarsTemplateDelegate;
}

function templates(dir: string): Templates {
  return fromTemplates(`html:${dir}`, () => compileTemplates(dir));
}

function compileTemplates(dir: string): Templates {
  const hb = Handlebars.create();
  const read = (name: string) => readFileSync(join(dir, 'html', name), 'utf8');
  hb.registerPartial('list', read('list.hbs'));
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

function listView(block: Extract<Block, { type: 'list' }>, document: CouncilDocument, options: WriteOptions): unknown {
  return {
    level: Math.min(block.level, 3),
    items: block.items.map((item) => {
      const event = item.event?.event;
      return {
        // An item that lists an event: words from the event's data, an anchor from its id.
        html: event ? escapeHtml(eventItemText(event, document.events, options.locale)) : inlinesToHtml(item.children),
        id: event ? `event-${event.id}` : undefined,
        sublists: item.sublists.map((sub) => listView(sub, document, options)),
      };
    }),
  };
}

function blockView(block: Block, document: CouncilDocument, options: WriteOptions): unknown {
  if (block.type === 'paragraph') {
    return { paragraph: true, number: block.number, continuation: block.continuation, html: inlinesToHtml(block.children) };
  }
  return listView(block, document, options);
}

export function htmlContext(document: CouncilDocument, options: WriteOptions) {
  const { labels, settings } = options;
  const [pageBefore, pageAfter] = labels.pageNumber('\u0000').split('\u0000') as [string, string];
  const css = templates(options.templatesDir).css({
    pageBefore: cssString(pageBefore),
    pageAfter: cssString(pageAfter ?? ''),
    documentNumber: cssString(labels.documentNumber),
    footer: cssString(labels.footer),
  });
  const logo = `data:${settings.logo.mime};base64,${Buffer.from(settings.logo.bytes).toString('base64')}`;
  return {
    labels,
    css,
    logo,
    summary: inlinesToHtml(document.meta.summary),
    actionRequired: inlinesToHtml(document.meta.actionRequired),
    references: document.meta.references.map(inlinesToHtml),
    sections: document.sections.map((section) => ({
      id: section.id,
      number: section.number,
      title: inlinesToHtml(section.title),
      blocks: section.blocks.map((block) => blockView(block, document, options)),
    })),
    annex: annexView(document.standards, options.locale),
  };
}

export function writeHtml(document: CouncilDocument, options: WriteOptions): string {
  return templates(options.templatesDir).document(htmlContext(document, options));
}
