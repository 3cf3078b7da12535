// The one Markdown parser of the project: CommonMark plus YAML front matter.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { PhrasingContent, Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

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
