// Section and paragraph numbers are derived from order alone, so an inserted
// or removed paragraph renumbers everything after it.
import type { Section } from '../model/document.js';

export function numberSections(sections: Section[]): void {
  sections.forEach((section, s) => {
    section.number = String(s + 1);
    section.id = `section-${s + 1}`;
    let paragraph = 0;
    for (const block of section.blocks) {
      if (block.type !== 'paragraph') continue;
      if (block.continuation) block.number = undefined;
      else block.number = `${section.number}.${++paragraph}`;
    }
  });
}
