import type { Inline } from '../../model/document.js';
import { escapeHtml } from './escape.js';

export function inlinesToHtml(inlines: Inline[]): string {
  let html = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        html += escapeHtml(node.value);
        break;
      case 'emphasis':
        html += `<em>${inlinesToHtml(node.children)}</em>`;
        break;
      case 'strong':
        html += `<strong>${inlinesToHtml(node.children)}</strong>`;
        break;
      case 'link':
        html += `<a href="${escapeHtml(node.url)}">${inlinesToHtml(node.children)}</a>`;
        break;
      case 'standard':
        html += `<a class="standard" href="${escapeHtml(node.url)}">${escapeHtml(node.text)}</a>`;
        break;
      case 'event':
        // The words that name an event; its facts are in the list of events and the calendar.
        html += `<span class="event">${inlinesToHtml(node.children)}</span>`;
        break;
      case 'break':
        html += '<br>';
        break;
    }
  }
  return html;
}
