// A rule reads the model and reports; the runner stamps its id and severity,
// as unified-lint-rule does, so a rule never decides how it is printed.
import type { VFile } from 'vfile';
import type { CouncilDocument } from '../model/document.js';
import type { Place } from '../diagnostics/report.js';

export type Report = (reason: string, place: Place) => void;

export interface Rule {
  id: string;
  severity: 'error' | 'warning';
  check(document: CouncilDocument, report: Report): void;
}

export type { VFile };
