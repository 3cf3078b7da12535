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
  TextRun,
  type IRunOptions,
  type ParagraphChild,
  type XmlComponent,
} from 'docx';
import type { Change, RevisionChanges } from '../../model/document.js';

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

/** The paragraph mark of a paragraph added or taken away whole, for `new Paragraph({ ...paragraphMark() })`. */
export function paragraphMark(change: Change | undefined, tracker: Tracker | undefined): { run?: { insertion: RevisionMark } | { deletion: RevisionMark } } {
  if (!change) return {};
  const mark = needTracker(tracker).mark();
  return { run: change === 'inserted' ? { insertion: mark } : { deletion: mark } };
}

/** A table row or picture added or taken away, for `new TableRow({ ...revisionMark() })` or `new ImageRun(...)`. */
export function revisionMark(change: Change | undefined, tracker: Tracker | undefined): { insertion?: RevisionMark; deletion?: RevisionMark } {
  if (!change) return {};
  const mark = needTracker(tracker).mark();
  return change === 'inserted' ? { insertion: mark } : { deletion: mark };
}
