// A CSS font-family list as the names of the fonts it asks for. Written by hand: the
// grammar is a comma-separated list of quoted strings or runs of identifiers, and a
// CSS parser would be a large module to load for one declaration.

/**
 * Families that name no font but whatever the machine maps them to (fontconfig's
 * `sans-serif` is DejaVu Sans here, something else elsewhere): a character found only
 * in them is not in the document's fonts.
 */
const GENERIC = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'emoji',
  'math',
  'fangsong',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
]);

/** The named families of a font-family value, in order; generic families left out. */
export function namedFamilies(value: string): string[] {
  const names: string[] = [];
  for (const match of value.matchAll(/\s*(?:"([^"]*)"|'([^']*)'|([^,]*))\s*(?:,|$)/g)) {
    const quoted = match[1] ?? match[2];
    const name = (quoted ?? match[3] ?? '').trim().replace(/\s+/g, ' ');
    if (name === '' || (quoted === undefined && GENERIC.has(name.toLowerCase()))) continue;
    names.push(name);
  }
  return names;
}
