// Raw HTML in a source never reaches an output: what it is decides only what
// the author is told. Comments are notes and go quietly; tags are dropped with
// a warning and the words around them kept; the contents of script-like
// elements go with their tags (they are code, not words); an HTML block holding
// words is refused, since dropping it would lose them.

/** Elements whose contents are code or data, never words of the document. */
const CODE_ELEMENTS = new Set(['script', 'style', 'template', 'svg', 'math', 'textarea', 'select', 'noscript', 'object', 'iframe']);

export function isComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim());
}

/** The element an opening tag starts, lower-cased, when its contents are code. */
export function codeElementOpened(html: string): string | undefined {
  const name = /^<([a-z][a-z0-9-]*)/i.exec(html.trim())?.[1]?.toLowerCase();
  return name && CODE_ELEMENTS.has(name) && !/\/>$/.test(html.trim()) ? name : undefined;
}

export function closes(html: string, element: string): boolean {
  return new RegExp(`^</${element}\\s*>$`, 'i').test(html.trim());
}

/** The HTML for a message: short, on one line. */
export function quoteHtml(html: string): string {
  const line = html.trim().replace(/\s+/g, ' ');
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

/** The words an HTML block holds outside comments, tags and code elements, if any. */
export function wordsIn(html: string): string | undefined {
  let text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  for (const element of CODE_ELEMENTS) {
    text = text.replace(new RegExp(`<${element}\\b[\\s\\S]*?(?:</${element}\\s*>|$)`, 'gi'), ' ');
  }
  text = text.replace(/<[^>]*>?/g, ' ').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : undefined;
}
