// A rule reads the model and reports; the runner stamps its id and severity,
// as unified-lint-rule does, so a rule never decides how it is printed.
import type { VFile } from 'vfile';
import type { CouncilDocument } from '../model/document.js';
import type { Place } from '../diagnostics/report.js';

export type Report = (reason: string, place: Place) => void;

/** What rules read: the body always; the front matter, its events and the cited standards only when it could be read. */
export type Checked = Omit<CouncilDocument, 'meta' | 'events' | 'standards'> &
  Partial<Pick<CouncilDocument, 'meta' | 'events' | 'standards'>>;

export interface Rule {
  id: string;
  severity: 'error' | 'warning';
  check(document: Checked, report: Report): void;
}

export type { VFile };
