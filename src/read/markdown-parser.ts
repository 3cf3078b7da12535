// The one Markdown parser of the project: CommonMark, YAML front matter, and
// GFM's tables and footnotes. Only those two of GFM: its autolinks would turn
// an address typed as words into a link, and its task lists would take "[ ]"
// out of an item's words; the author's words are printed as written.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { PhrasingContent, Root } from 'mdast';

function tablesAndFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(tablesAndFootnotes).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Inline Markdown of a single value (a summary, a reference): its phrasing content. */
export function parseInline(text: string): PhrasingContent[] {
  const root = processor.parse(text);
  const out: PhrasingContent[] = [];
  for (const block of root.children) {
    if (block.type !== 'paragraph') continue;
    if (out.length > 0) out.push({ type: 'text', value: ' ' });
    out.push(...block.children);
  }
  return out;
}
