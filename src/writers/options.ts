// What every writer is given besides the document: the templates folder and
// the data read from it once per build.
import type { DocumentLabels } from '../locale/labels.js';
import type { LocaleData } from '../locale/locale.js';
import type { Settings } from '../templates/settings.js';

export interface WriteOptions {
  templatesDir: string;
  locale: LocaleData;
  labels: DocumentLabels;
  settings: Settings;
}
