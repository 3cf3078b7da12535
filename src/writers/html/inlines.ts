import type { Inline } from '../../model/document.js';
import type { LocaleData } from '../../locale/locale.js';
import { referenceText } from '../../locale/body.js';
import { escapeHtml } from './escape.js';

/**
 * A word with a no-break hyphen (U+2011, "ITU‑R") printed with a hyphen-minus and kept on one
 * line: Carlito, like many fonts, has no U+2011, and Chromium would print it from another font.
 */
function unbrokenHyphens(html: string): string {
  return html.replace(/[^\s<>]*\u2011[^\s<>]*/g, (word) => `<span class="unbroken">${word.replace(/\u2011/g, '-')}</span>`);
}

/**
 * No word is this long: a run without a space or hyphen of this many characters is an address or
 * a pasted string, which the browser may break anywhere (class "long-run" in style.css.hbs).
 * Marked here, since CSS cannot tell it from a word: a table keeps its words whole, so its columns
 * are as wide as their longest word, and one such run would widen the table past the page.
 */
const LONG_RUN = /[^\s-]{25,}/g;

function breakableText(value: string): string {
  let html = '';
  let last = 0;
  for (const m of value.matchAll(LONG_RUN)) {
    html += `${escapeHtml(value.slice(last, m.index))}<span class="long-run">${escapeHtml(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return html + escapeHtml(value.slice(last));
}

export function inlinesToHtml(inlines: Inline[], locale: LocaleData): string {
  let html = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        html += unbrokenHyphens(breakableText(node.value));
        break;
      case 'emphasis':
        html += `<em>${inlinesToHtml(node.children, locale)}</em>`;
        break;
      case 'strong':
        html += `<strong>${inlinesToHtml(node.children, locale)}</strong>`;
        break;
      case 'link':
        html += `<a href="${escapeHtml(node.url)}">${inlinesToHtml(node.children, locale)}</a>`;
        break;
      case 'standard':
        // A draft has no page at ITU: its words, in the same class, without a link.
        html +=
          node.url === undefined
            ? `<span class="standard">${unbrokenHyphens(escapeHtml(node.text))}</span>`
            : `<a class="standard" href="${escapeHtml(node.url)}">${unbrokenHyphens(escapeHtml(node.text))}</a>`;
        break;
      case 'event':
        // The words that name an event; its facts are in the list of events and the calendar.
        html += `<span class="event">${inlinesToHtml(node.children, locale)}</span>`;
        break;
      case 'footnote-ref': {
        // Only a cited note has a number; an unknown one is an error before any writer runs.
        const number = node.footnote?.number;
        if (number) {
          html += `<sup class="footnote-ref"><a href="#fn-${number}" id="fnref-${number}" aria-describedby="footnotes-heading">${number}</a></sup>`;
        }
        break;
      }
      case 'xref': {
        const target = node.target;
        const words = node.children.length > 0 ? inlinesToHtml(node.children, locale) : target ? escapeHtml(referenceText(target, locale)) : '';
        html += target ? `<a class="xref" href="#${escapeHtml(target.anchor)}">${words}</a>` : words;
        break;
      }
      case 'break':
        html += '<br>';
        break;
      case 'ins':
        html += `<ins>${inlinesToHtml(node.children, locale)}</ins>`;
        break;
      case 'del':
        html += `<del>${inlinesToHtml(node.children, locale)}</del>`;
        break;
    }
  }
  return html;
}
