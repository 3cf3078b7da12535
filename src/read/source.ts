// A source file → the document model, with every problem on the VFile.
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { CouncilDocument } from '../model/document.js';
import { error } from '../diagnostics/report.js';
import { numberAnnexes, numberBody } from '../transform/numbering.js';
import { numberFootnotes, resolveReferences } from '../transform/references.js';
import { parseMarkdown } from './markdown-parser.js';
import { readFrontMatter } from './frontmatter.js';
import { readTranslationFrontMatter, type ReadTranslation } from './translation.js';
import { readBody, type Body } from './body.js';
import { decodeSource } from './decode.js';
import { forbiddenInText } from './forbidden-characters.js';
import { checkFileSize, checkTextLimits } from './limits.js';
import { readCatalogue } from './catalogue.js';
import { findAcceptances, type Acceptance } from './accept.js';
import { linkEvents } from '../transform/events.js';
import { citedStandards, resolveMalformedStandards } from '../transform/standards.js';

export interface ReadResult {
  file: VFile;
  /** Undefined when the source could not be read into a document. */
  document?: CouncilDocument;
  /** The body, read even when the front matter is broken, so its errors are reported too. */
  body?: Body;
  /** Warnings the author accepted in the source, applied once every check has run. */
  acceptances?: Acceptance[];
  /** For a translation: its original, and whether it holds only the original's first sections. */
  translation?: { original: CouncilDocument; partial: boolean };
}

/** Reads an original, or with `original` given, a translation of it that shares its data. */
export function readSource(path: string, bytes: Uint8Array, original?: CouncilDocument): ReadResult {
  const file = new VFile({ path });
  if (!checkFileSize(file, bytes)) return { file };
  const text = decodeSource(file, bytes);
  if (text === undefined) return { file };
  file.value = text;
  if (!checkTextLimits(file, text)) return { file };
  // Refused, and read on: the other problems of the source are said at once.
  const forbidden = forbiddenInText(text);
  const points = forbidden.length > 0 ? location(text) : undefined;
  for (const { offset, reason } of forbidden) error(file, reason, points!.toPoint(offset), 'forbidden-character');

  const tree = parseMarkdown(text);
  const first = tree.children[0];
  if (first?.type !== 'yaml') {
    const opened = /^---[ \t]*\r?$/m.test(text.split('\n', 1)[0] ?? '');
    error(
      file,
      opened
        ? 'front matter is not closed: add a line "---" after its last key'
        : 'no front matter: a source starts with a line "---", the document keys (document, date, language, title, ...), and a closing "---"',
      { line: 1, column: 1 },
      opened ? 'unclosed-front-matter' : 'missing-front-matter',
    );
    return { file };
  }
  const block = { value: first.value, position: first.position! };
  const front = original ? readTranslationFrontMatter(file, block, original) : readFrontMatter(file, block);
  const body = readBody(tree.children.slice(1), file);
  const walkable = { meta: front?.meta, ...body };
  numberBody(body);
  numberFootnotes(walkable);
  const events = front?.events ?? [];
  linkEvents(walkable, events);
  const catalogue = readCatalogue(path, file);
  resolveMalformedStandards(walkable, catalogue);
  const acceptances = findAcceptances(tree);
  // A translation's statuses are its original's, whose problems are said on the original.
  const statusFile = original ? new VFile({ path }) : file;
  const standards = front ? citedStandards({ ...walkable, meta: front.meta }, catalogue, front.statuses, statusFile) : [];
  numberAnnexes(body.annexes, standards.length > 0);
  resolveReferences(walkable);
  if (!front) return { file, body, acceptances };
  const document = { path, meta: front.meta, ...body, events, standards };
  const translation = original ? { original, partial: (front as ReadTranslation).partial } : undefined;
  return { file, body, acceptances, document, ...(translation ? { translation } : {}) };
}
