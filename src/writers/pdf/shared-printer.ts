// The one browser of a build, among the build's resources. Kept apart from
// the PDF writer so that starting the browser loads neither the HTML writer
// nor its templates: the browser is then on its way before they are read.
import type { BuildResources } from '../resources.js';
import { Printer } from './chromium.js';

const PRINTER = 'pdf-printer';

export function sharedPrinter(resources: BuildResources): Printer {
  return resources.get(PRINTER, () => new Printer());
}

/** Starts the build's browser now, so it is ready by the time the first PDF is printed. */
export async function startPrinter(resources: BuildResources): Promise<void> {
  await sharedPrinter(resources).start();
}
