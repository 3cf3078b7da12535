// Footnotes at the foot of the page they are cited on, in the PDF.
//
// Written by hand because Chromium has no `float: footnote` and the one
// library that lays footnotes out for it, Paged.js, re-builds every page in
// script: on a 6-page document with 6 notes (test/helpers/footnotes.ts) its
// layout took 490-1160 ms before a print of some 500 ms, against some 70 ms for
// this step (a print of 256 ms instead of 183 ms, medians in a warm tab); it
// needs the page's JavaScript on, and it laid the `dir="rtl"` copy out as one
// page (its issue 308), while Arabic documents are coming.
//
// What this step does, on the loaded page, before Chromium prints it:
//  1. The print styles are put on (media emulated as print), and `body` becomes
//     a multi-column box whose columns have the size of the page's content box
//     (html.footnote-pagination, in style.css.hbs): the same fragmentation
//     engine that breaks pages breaks those columns, so column N is page N.
//  2. Page by page, the notes cited on a page are moved from the end-notes list
//     into a block (div.page-footnotes) put at the foot of that page, in the
//     flow, with a forced page break after it. When they do not fit under the
//     text, the lines holding the last citations move to the next page, with
//     their notes: the page ends earlier (paragraph, list or table split there,
//     a table's header row copied onto its second part), and the notes go there.
//  3. The columns are taken off again; the page breaks that were put in place
//     make Chromium's own pages those of the columns.
// The page's own content still runs no script: only this code, given to the
// page by Puppeteer, runs (page.evaluate works while the page's JavaScript is
// disabled).
import type { Page } from 'puppeteer-core';

/** Whether an HTML document cites notes: a cheap look at the string, so documents without take the usual path. */
export function hasFootnotes(html: string): boolean {
  return html.includes('class="footnote-ref"');
}

export interface FootnoteLayout {
  /** Notes cited in the text. */
  notes: number;
  /** Notes put at the foot of a page. */
  placed: number;
  /** Ids of notes that could not be put on their citation's page (a note taller than a page). */
  misplaced: string[];
}

/**
 * Lays the notes of the page's document out at the foot of their pages, for
 * printing. The page must hold the document already (setContent). Leaves the
 * page's media emulation as it found it (none).
 */
export async function layOutFootnotes(page: Page): Promise<FootnoteLayout> {
  await page.emulateMediaType('print');
  try {
    return await page.evaluate(layOutInPage);
  } finally {
    await page.emulateMediaType();
  }
}

/** Runs inside the page: must not use anything from outside its own body. */
function layOutInPage(): FootnoteLayout {
  const doc = document;
  const root = doc.documentElement;
  const body = doc.body;
  const refs = [...doc.querySelectorAll<HTMLElement>('.footnote-ref')];
  const noteOf = (ref: Element): HTMLElement | null => {
    const href = ref.querySelector('a[href^="#"]')?.getAttribute('href');
    return href ? doc.getElementById(decodeURIComponent(href.slice(1))) : null;
  };

  root.classList.add('footnote-paged', 'footnote-pagination');
  // Inside columns a page break is a column break.
  const PAGE_BREAKS = new Set(['page', 'left', 'right', 'recto', 'verso']);
  const translated: [HTMLElement, 'breakBefore' | 'breakAfter'][] = [];
  for (const el of body.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(el);
    for (const side of ['breakBefore', 'breakAfter'] as const) {
      if (PAGE_BREAKS.has(style[side])) {
        el.style[side] = 'column';
        translated.push([el, side]);
      }
    }
  }

  const box = body.getBoundingClientRect();
  const W = box.width;
  const H = box.height;
  const rtl = getComputedStyle(body).direction === 'rtl';
  const pageOf = (r: DOMRect) => Math.max(0, Math.floor(((rtl ? box.right - r.right : r.left - box.left) + 1) / W));
  const yOf = (r: DOMRect) => r.top - box.top;
  const bottomOf = (r: DOMRect) => r.bottom - box.top;
  const firstRect = (el: Element) => el.getClientRects()[0];
  const range = doc.createRange();

  interface Pos {
    node: Node;
    offset: number;
  }
  type Pred = (r: DOMRect) => boolean;

  const ATOMIC = new Set(['TR', 'THEAD', 'IMG', 'SVG', 'HR', 'VIDEO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'INPUT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
  const HOSTS = new Set(['BODY', 'MAIN', 'SECTION', 'ARTICLE', 'DIV', 'ASIDE', 'HEADER', 'FOOTER', 'NAV']);
  const AVOID = new Set(['avoid', 'avoid-page', 'avoid-column']);
  const isAtomic = (el: Element, style: CSSStyleDeclaration) =>
    ATOMIC.has(el.tagName.toUpperCase()) ||
    AVOID.has(style.breakInside) ||
    /^(inline-|flex|grid)/.test(style.display);
  const isBlock = (el: Element) => /^(block|list-item|flow-root|table-cell|table-caption)$/.test(getComputedStyle(el).display);
  const indexOf = (node: Node) => Array.prototype.indexOf.call(node.parentNode!.childNodes, node) as number;
  const blank = (node: Node) => node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && !/\S/.test((node as Text).data));

  /** Where in a text node the line of `line` starts: a binary search, characters being in line order. */
  function charStart(text: Text, line: DOMRect): number {
    const page = pageOf(line);
    /** Whether character i is on the line or after it; collapsed spaces (no box) count as the next character. */
    const onOrAfter = (i: number): boolean => {
      for (let j = i; j < text.data.length; j++) {
        range.setStart(text, j);
        range.setEnd(text, j + 1);
        const r = range.getClientRects()[0];
        if (!r || (r.width === 0 && r.height === 0)) continue;
        return pageOf(r) > page || (pageOf(r) === page && r.bottom > line.top + 1);
      }
      return true;
    };
    let lo = 0;
    let hi = text.data.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (onOrAfter(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The first piece of content (a line, a row, an unbreakable box), in document order, on page `from` or later, that `pred` picks. */
  function find(from: number, pred: Pred, el: Element = body): Pos | null {
    for (let i = 0; i < el.childNodes.length; i++) {
      const node = el.childNodes[i]!;
      if (node.nodeType === Node.TEXT_NODE) {
        if (blank(node)) continue;
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width === 0 && r.height === 0) continue;
          if (pageOf(r) >= from && pred(r)) {
            const at = charStart(node as Text, r);
            return at === 0 ? { node: el, offset: i } : { node, offset: at };
          }
        }
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const child = node as HTMLElement;
        const style = getComputedStyle(child);
        if (style.display === 'none') continue;
        const rects = [...child.getClientRects()];
        if (rects.length === 0 || pageOf(rects[rects.length - 1]!) < from) continue;
        if (isAtomic(child, style)) {
          // A table's header is drawn again on each page the table spans; only its first drawing counts.
          const own = child.tagName === 'THEAD' ? rects.slice(0, 1) : rects;
          if (own.some((r) => pageOf(r) >= from && pred(r))) return { node: el, offset: i };
          continue;
        }
        const inside = find(from, pred, child);
        if (inside) return inside;
      }
    }
    return null;
  }

  /** A position at the start of an element, raised to just before that element, as far up as it goes. */
  function normalize(pos: Pos): Pos {
    let { node, offset } = pos;
    while (node !== body) {
      const lead =
        node.nodeType === Node.TEXT_NODE
          ? !/\S/.test((node as Text).data.slice(0, offset))
          : [...node.childNodes].slice(0, offset).every((n) => blank(n) || /^(CAPTION|COLGROUP|THEAD)$/.test((n as Element).tagName ?? ''));
      if (!lead) break;
      offset = indexOf(node);
      node = node.parentNode!;
    }
    return { node, offset };
  }

  const compare = (a: Pos, b: Pos) => {
    range.setStart(a.node, a.offset);
    range.collapse(true);
    return range.comparePoint(b.node, b.offset); // -1: b before a, 0: same, 1: b after a
  };
  const isBefore = (el: Element, pos: Pos | null) => {
    if (!pos) return true;
    range.setStart(pos.node, pos.offset);
    range.collapse(true);
    return range.comparePoint(el, 0) < 0;
  };

  /** Line keys (page, top) of a block's own text, in order. */
  function linesOf(block: Element): { page: number; top: number; start: Pos }[] {
    const lines: { page: number; top: number; start: Pos }[] = [];
    // By hand: with the page's JavaScript off, the browser runs no callback of a TreeWalker's filter.
    const texts: Text[] = [];
    const collect = (el: Element) => {
      for (const n of el.childNodes) {
        if (n.nodeType === Node.TEXT_NODE && !blank(n)) texts.push(n as Text);
        else if (n.nodeType === Node.ELEMENT_NODE && !isBlock(n as Element)) collect(n as Element);
      }
    };
    collect(block);
    for (const n of texts) {
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width === 0 && r.height === 0) continue;
        const page = pageOf(r);
        const last = lines[lines.length - 1];
        if (last && last.page === page && Math.abs(last.top - yOf(r)) < 2) continue;
        if (last && (page < last.page || (page === last.page && yOf(r) < last.top))) continue;
        lines.push({ page, top: yOf(r), start: { node: n, offset: charStart(n, r) } });
      }
    }
    return lines;
  }

  /** The break `pos`, moved earlier for orphans, widows, headings kept with what follows and tables' first rows. */
  function honour(pos: Pos, page: number): Pos {
    const first = find(page, () => true);
    let at = normalize(pos);
    // A break inside a block of lines: orphans and widows.
    const holder = at.node.nodeType === Node.TEXT_NODE ? at.node.parentElement : (at.node as Element);
    let block: Element | null = holder;
    while (block && block !== body && !isBlock(block)) block = block.parentElement;
    if (block && block !== body && !HOSTS.has(block.tagName)) {
      const lines = linesOf(block);
      const style = getComputedStyle(block);
      const orphans = Number(style.orphans) || 2;
      const widows = Number(style.widows) || 2;
      const startsHere = lines[0]?.page === page;
      // Lines of the block that stay on this page: as many as orphans ask when it starts here; when it
      // started on an earlier page, any (split() lets its first part keep what it has there).
      const need = startsHere ? orphans : 1;
      const staying = (cut: Pos) => lines.filter((l) => l.page === page && compare(cut, l.start) < 0).length;
      const before = staying(at);
      const after = lines.filter((l) => compare(at, l.start) >= 0).length;
      const whole = normalize({ node: block.parentNode!, offset: indexOf(block) });
      if (before > 0 && after > 0) {
        if (after < widows && lines.length - widows >= 0) {
          const back = lines[lines.length - widows]!.start;
          if (staying(back) >= need) at = normalize(back);
          else if (startsHere) at = whole;
        } else if (before < need && startsHere) at = whole;
      }
    }
    // A break before an element: keep it with what must stay with it.
    for (;;) {
      if (at.node.nodeType !== Node.ELEMENT_NODE) break;
      const next = at.node.childNodes[at.offset];
      let prev = at.node.childNodes[at.offset - 1];
      while (prev && blank(prev)) prev = prev.previousSibling ?? undefined;
      if (!prev || prev.nodeType !== Node.ELEMENT_NODE) break;
      const keep =
        AVOID.has(getComputedStyle(prev as Element).breakAfter) ||
        (next?.nodeType === Node.ELEMENT_NODE && AVOID.has(getComputedStyle(next as Element).breakBefore));
      if (!keep) break;
      at = normalize({ node: at.node, offset: indexOf(prev) });
    }
    // Never empty the page: then the first piece stays, and the notes take what is left.
    if (first && compare(first, at) <= 0) return normalize(pos);
    return at;
  }

  /** Splits `top` (a child of a host) at `pos`: what follows goes to a copy of it, put after it. */
  function split(top: Element, pos: Pos): () => void {
    const chain: Element[] = [];
    for (let n: Node | null = pos.node; n && n !== top; n = n.parentNode) if (n.nodeType === Node.ELEMENT_NODE) chain.unshift(n as Element);
    range.setStart(pos.node, pos.offset);
    range.setEnd(top, top.childNodes.length);
    const rest = range.extractContents();
    const copy = top.cloneNode(false) as Element;
    copy.append(rest);
    top.after(copy);
    const pairs: [Element, Element][] = [[top, copy]];
    let clone: Node | null = copy;
    for (const original of chain) {
      clone = clone?.firstChild ?? null;
      if (clone?.nodeType === Node.ELEMENT_NODE) pairs.push([original, clone as Element]);
    }
    const heads: Element[] = [];
    for (const [original, part] of pairs) {
      // The first part ends here, on purpose: the lines it has on this page stay, however few.
      (original as HTMLElement).style.widows = '1';
      part.removeAttribute('id');
      part.classList.add('footnote-split');
      if (original.tagName === 'TABLE') {
        const head = original.querySelector(':scope > thead');
        if (head) {
          const again = head.cloneNode(true) as Element;
          for (const withId of again.querySelectorAll('[id]')) withId.removeAttribute('id');
          part.prepend(again);
          heads.push(again);
        }
      }
    }
    // Undoing puts every part's content back at the end of its original, deepest first.
    return () => {
      for (const head of heads) head.remove();
      for (let i = pairs.length - 1; i >= 0; i--) {
        const [original, part] = pairs[i]!;
        original.append(...part.childNodes);
        part.remove();
        (original as HTMLElement).style.widows = '';
      }
      top.normalize();
    };
  }

  /** Puts `block` at `pos` (splitting what must be split), or at the end of the document. */
  function insert(block: HTMLElement, pos: Pos | null): () => void {
    if (!pos) {
      (doc.querySelector('main') ?? body).append(block);
      return () => block.remove();
    }
    let host: Node = pos.node;
    while (host !== body && !(host.nodeType === Node.ELEMENT_NODE && HOSTS.has((host as Element).tagName))) host = host.parentNode!;
    if (host === pos.node) {
      host.insertBefore(block, host.childNodes[pos.offset] ?? null);
      return () => block.remove();
    }
    let top: Node = pos.node;
    while (top.parentNode !== host) top = top.parentNode!;
    const undo = split(top as Element, pos);
    (top as Element).after(block);
    return () => {
      block.remove();
      undo();
    };
  }

  function area(notes: HTMLElement[]): HTMLElement {
    const block = doc.createElement('div');
    block.className = 'page-footnotes';
    const list = doc.createElement('ol');
    list.className = 'footnote-list';
    list.append(...notes);
    block.append(list);
    return block;
  }

  function heightOf(notes: HTMLElement[]): number {
    const block = area(notes.map((n) => n.cloneNode(true) as HTMLElement));
    block.style.breakBefore = 'column';
    body.append(block);
    const height = block.getBoundingClientRect().height;
    block.remove();
    return height;
  }

  // Where each note was, to put it back when a try is undone.
  const home = new Map<Element, ParentNode>();
  for (const ref of refs) {
    const note = noteOf(ref);
    if (note?.parentElement) home.set(note, note.parentElement);
  }
  const placed = new Set<Element>();
  const misplaced: string[] = [];
  let page = 0;
  for (let rounds = 0; rounds < 10_000; rounds++) {
    const pending = refs.filter((r) => !placed.has(r) && firstRect(r));
    if (pending.length === 0) break;
    page = Math.max(page, Math.min(...pending.map((r) => pageOf(firstRect(r)!))));
    const cited = pending.filter((r) => pageOf(firstRect(r)!) <= page);
    let kept = cited;
    let squeeze = 0;
    for (let tries = 0; ; tries++) {
      let cut: Pos | null;
      for (;;) {
        const notes = kept.map(noteOf).filter((n): n is HTMLElement => n !== null);
        const limit = H - (notes.length ? heightOf(notes) : 0) - 1 - squeeze;
        const raw = find(page, (r) => pageOf(r) > page || bottomOf(r) > limit);
        cut = raw && honour(raw, page);
        // A citation whose note did not fit goes to the next page, with its line.
        const pushed = cited.find((r) => !kept.includes(r));
        if (pushed) {
          const r = firstRect(pushed)!;
          const middle = (yOf(r) + bottomOf(r)) / 2;
          const line = find(page, (x) => pageOf(x) > page || bottomOf(x) > middle);
          const at = line && honour(line, page);
          if (at && (!cut || compare(cut, at) < 0)) cut = at;
        }
        const fits = kept.filter((r) => isBefore(r, cut));
        if (fits.length === kept.length) break;
        kept = fits;
      }
      const notes = kept.map(noteOf).filter((n): n is HTMLElement => n !== null);
      const block = notes.length ? area(notes) : doc.createElement('div');
      if (!notes.length) block.className = 'footnote-page-end';
      const undo = insert(block, cut);
      block.style.breakAfter = cut ? 'column' : 'auto';
      if (!notes.length) break;
      // Across the whole column, and down to its foot.
      let r = block.getBoundingClientRect();
      const column = pageOf(r);
      const offset = rtl ? box.right - column * W - r.right : r.left - (box.left + column * W);
      if (Math.abs(offset) > 0.5) {
        block.style.marginInlineStart = `${-offset}px`;
        block.style.width = `${W}px`;
      }
      r = block.getBoundingClientRect();
      if ((pageOf(r) !== page || bottomOf(r) > H) && tries < 5 && cut) {
        // Margins between the text and the notes took more room than was left: end the page higher.
        const over = pageOf(r) !== page ? r.height : bottomOf(r) - H;
        undo();
        for (const note of notes) home.get(note)?.append(note);
        squeeze += Math.max(over, 2);
        kept = cited;
        continue;
      }
      const room = H - bottomOf(r) - 0.5;
      if (room > 0) block.style.paddingTop = `${parseFloat(getComputedStyle(block).paddingTop) + room}px`;
      r = block.getBoundingClientRect();
      if (pageOf(r) !== page || bottomOf(r) > H + 0.5) {
        block.classList.add('footnote-overflow');
        misplaced.push(...notes.map((n) => n.id));
      }
      break;
    }
    for (const r of kept) placed.add(r);
    page++;
  }

  // Back to the page's own flow: the breaks put in are page breaks again.
  root.classList.remove('footnote-pagination');
  for (const [el, side] of translated) el.style[side] = '';
  for (const block of doc.querySelectorAll<HTMLElement>('.page-footnotes, .footnote-page-end')) {
    if (block.style.breakAfter === 'column') block.style.breakAfter = '';
  }
  for (const el of doc.querySelectorAll('[style=""]')) el.removeAttribute('style');
  return { notes: refs.length, placed: doc.querySelectorAll('.page-footnotes .footnote').length, misplaced };
}
