// Everything read or compiled from templates/ is kept here, once per process,
// so a build reads each template once however many documents it writes, and
// watch mode can forget it all when a template is saved.
const entries = new Map<string, unknown>();

export function fromTemplates<T>(key: string, load: () => T): T {
  if (entries.has(key)) return entries.get(key) as T;
  const value = load();
  entries.set(key, value);
  return value;
}

export function forgetTemplates(): void {
  entries.clear();
}
