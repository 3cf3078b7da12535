// What every writer is given besides the document: the templates folder and
// the data read from it once per build.
import type { DocumentLabels } from '../locale/labels.js';
import type { LocaleData } from '../locale/locale.js';
import type { Settings } from '../templates/settings.js';
import type { BuildResources } from './resources.js';
import type { DocumentRenders } from './document-renders.js';

export interface WriteOptions {
  templatesDir: string;
  locale: LocaleData;
  labels: DocumentLabels;
  settings: Settings;
  /** Shared by every writer of one build (the PDF writer's browser); absent, a writer starts and closes its own. */
  resources?: BuildResources;
  /** What the document's other outputs of this render made already (its HTML, for the PDF). */
  renders?: DocumentRenders;
  /** Hears what went wrong without stopping the output (a resource the PDF was printed without). */
  warn?: (message: string) => void;
}
