// Word's tracked changes, for the marked version of a revision: what it added is in w:ins, what
// it took away in w:del (its text in w:delText, which Word requires), each with the revision's
// author and date, so that Word and LibreOffice show them as changes to accept or reject one by
// one. A paragraph, list item, heading or caption added or taken away whole has its paragraph
// mark inserted or deleted too (w:pPr/w:rPr/w:ins|w:del), and a table row its row (w:trPr): then
// "accept all" leaves exactly the revision and "reject all" the issued words.
import {
  BuilderElement,
  DeletedTextRun,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
  type XmlComponent,
} from 'docx';
import { isDeepStrictEqual } from 'node:util';
import type { Change, Inline, RevisionChanges } from '../../model/document.js';

/** What w:ins and w:del carry (docx's RevisionMark, which it does not export). */
interface RevisionMark {
  id: number;
  author: string;
  date: string;
}

/** Who made the changes and when, and the ids Word wants on each: unique, in the order written. */
export class Tracker {
  private last = 0;
  private readonly date: string;

  constructor(
    private readonly author: string,
    date: string,
  ) {
    this.date = wordDate(date);
  }

  static of(changes: RevisionChanges | undefined): Tracker | undefined {
    return changes ? new Tracker(changes.author, changes.date) : undefined;
  }

  mark(): RevisionMark {
    return { id: ++this.last, author: this.author, date: this.date };
  }
}

/**
 * w:date is an xsd:dateTime: Word reads a bare date as no date at all. A revision dated by its
 * day is dated at its start, in UTC, as the DOCX's own properties are.
 */
export function wordDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  const time = new Date(date);
  if (Number.isNaN(time.getTime())) throw new Error(`DOCX writer: the revision's date "${date}" is not a date`);
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function needTracker(tracker: Tracker | undefined): Tracker {
  // The marked model is made with its RevisionChanges: ins and del without them are a bug upstream.
  if (!tracker) throw new Error('DOCX writer: words marked as inserted or deleted in a document that is no revision');
  return tracker;
}

/** A run of words, inserted or deleted when `change` says so. */
export function trackedRun(options: IRunOptions, change: Change | undefined, tracker: Tracker | undefined): ParagraphChild {
  if (!change) return new TextRun(options);
  const mark = needTracker(tracker).mark();
  return change === 'inserted' ? new InsertedTextRun({ ...options, ...mark }) : new DeletedTextRun({ ...options, ...mark });
}

/**
 * A run that holds no text of its own (a note's citation) inside w:ins or w:del. docx's tracked
 * runs make their own w:r and cannot take a footnote reference, so the element is built here.
 */
export function trackedWrap(run: ParagraphChild & XmlComponent, change: Change | undefined, tracker: Tracker | undefined): ParagraphChild {
  if (!change) return run;
  const { id, author, date } = needTracker(tracker).mark();
  return new BuilderElement({
    name: change === 'inserted' ? 'w:ins' : 'w:del',
    attributes: { id: { key: 'w:id', value: id }, author: { key: 'w:author', value: author }, date: { key: 'w:date', value: date } },
    children: [run],
  }) as unknown as ParagraphChild;
}

type ParagraphProperties = Omit<IParagraphOptions, 'children' | 'text' | 'run' | 'revision'>;

function paragraphMark(change: Change | undefined, tracker: Tracker | undefined): Pick<IParagraphOptions, 'run'> {
  return change ? { run: revisionMark(change, tracker) } : {};
}

/** Paragraphs of the body whose last words are inserted ones: see `placeParagraphMarks`. */
const endingInserted = new WeakSet<Paragraph>();

function endsInserted(words: readonly Inline[]): boolean {
  const last = words.at(-1);
  if (!last || last.type === 'del') return false;
  return last.type === 'ins' || ('children' in last && endsInserted(last.children));
}

/**
 * A paragraph of the body or of a note, added or taken away whole with `change`: its paragraph
 * mark too. `words` are the model's words it ends with, when it ends with the author's words.
 */
export function trackedParagraph(
  options: ParagraphProperties & { children: readonly ParagraphChild[] },
  change: Change | undefined,
  tracker: Tracker | undefined,
  words?: readonly Inline[],
): Paragraph {
  const paragraph = new Paragraph({ ...options, ...paragraphMark(change, tracker) });
  if (tracker && words && endsInserted(words)) endingInserted.add(paragraph);
  return paragraph;
}

function markOf(child: FileChild | undefined): Change | undefined {
  if (!(child instanceof Paragraph)) return undefined;
  const run = child.options.run;
  return run?.insertion ? 'inserted' : run?.deletion ? 'deleted' : undefined;
}

function propertiesOf(paragraph: Paragraph): ParagraphProperties {
  const { children: _children, text: _text, run: _run, revision: _revision, ...properties } = paragraph.options;
  return properties;
}

/**
 * The w:pPrChange that gives a paragraph `restored` back when its change is undone, none when it
 * has those properties already: LibreOffice (7.4) restores a list number from w:pPrChange at the
 * list's first level, so that one written where nothing changes would turn 2.4 into 3.
 */
function restoring(current: ParagraphProperties, restored: ParagraphProperties, tracker: Tracker): Pick<IParagraphOptions, 'revision'> {
  // Through JSON, so that a property set to undefined is one not set.
  const same = isDeepStrictEqual(JSON.parse(JSON.stringify(current)), JSON.parse(JSON.stringify(restored)));
  return same ? {} : { revision: { ...tracker.mark(), ...restored } };
}

/**
 * Deleted paragraphs that rejecting gives their list number back through w:pPrChange, which
 * LibreOffice prints at the list's first level (3. for 2.4). An inserted run's kept paragraph
 * is no such case: rejecting joins it with the run's last paragraph, and LibreOffice keeps the
 * first paragraph's properties, its number with them.
 */
const restoringListNumber = new WeakSet<FileChild>();

export function restoresListNumber(child: FileChild): boolean {
  return restoringListNumber.has(child);
}

/**
 * Where the paragraph marks of added or deleted paragraphs go. On each paragraph itself (ECMA-376
 * 17.13.5.15 and .20) is what Word reads best; LibreOffice (7.4) then gets two shapes wrong: it
 * cannot take away a paragraph right before a table or at the end of the text, leaving an empty
 * one, and it joins words inserted at the end of a paragraph with a paragraph inserted after it
 * into one change, so that rejecting it joins the paragraphs around them. For those, the change
 * goes on the mark of the paragraph before, as Word itself records a paragraph typed after
 * another: the kept paragraph's mark is the one inserted or deleted, and the last paragraph of the
 * run holds the kept one's properties where accepting or rejecting gives it the kept paragraph's
 * words, with its own in w:pPrChange where they differ (so rejecting an insertion, or accepting a
 * deletion, leaves the kept paragraph as it was).
 */
export function placeParagraphMarks(children: readonly FileChild[], tracker: Tracker | undefined): FileChild[] {
  const out = [...children];
  if (!tracker) return out;
  for (let first = 0; first < out.length; ) {
    const change = markOf(out[first]);
    if (!change) {
      first++;
      continue;
    }
    let last = first;
    while (markOf(out[last + 1]) === change) last++;
    const kept = out[first - 1];
    const next = out[last + 1];
    const shift = !(next instanceof Paragraph) || (change === 'inserted' && kept instanceof Paragraph && endingInserted.has(kept));
    if (shift && kept instanceof Paragraph && !kept.options.run) {
      const end = out[last] as Paragraph;
      out[first - 1] = new Paragraph({ ...kept.options, run: revisionMark(change, tracker) });
      const { run: _run, ...endOptions } = end.options;
      out[last] =
        change === 'inserted'
          ? new Paragraph({ ...endOptions, ...restoring(propertiesOf(end), propertiesOf(kept), tracker) })
          : new Paragraph({ ...propertiesOf(kept), children: end.options.children ?? [], ...restoring(propertiesOf(kept), propertiesOf(end), tracker) });
      if (change === 'deleted' && propertiesOf(end).numbering && (out[last] as Paragraph).options.revision) restoringListNumber.add(out[last]!);
    }
    first = last + 1;
  }
  return out;
}

/** A table row or picture added or taken away, for `new TableRow({ ...revisionMark() })` or `new ImageRun(...)`. */
export function revisionMark(change: Change | undefined, tracker: Tracker | undefined): { insertion?: RevisionMark; deletion?: RevisionMark } {
  if (!change) return {};
  const mark = needTracker(tracker).mark();
  return change === 'inserted' ? { insertion: mark } : { deletion: mark };
}
