// A paragraph that is only an image, `![alt](figures/chart.png "Caption")`,
// optionally followed by `{#label}`, is a figure. Its file is read here, so a
// missing or unsafe file is an error at the image's place.
import type { Paragraph as MdParagraph } from 'mdast';
import type { VFile } from 'vfile';
import type { Figure } from '../model/document.js';
import { error } from '../diagnostics/report.js';
import { parseInline } from './markdown-parser.js';
import { takeAttributes } from './attributes.js';
import { toInlines } from './inline.js';
import { readFigureFile } from './figure-file.js';

export function figureOf(node: MdParagraph, file: VFile): Figure | undefined {
  const parts = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [image, after] = parts;
  if (image?.type !== 'image' || parts.length > 2 || (after && !(after.type === 'text' && /^\s*\{[^{}]*\}\s*$/.test(after.value)))) {
    return undefined;
  }
  const { attributes } = takeAttributes(parts, file, []);
  const alt = (image.alt ?? '').trim();
  if (alt === '') {
    error(
      file,
      `figure "${image.url}" has no alt text: say what it shows between the brackets, ![Chart of ...](${image.url}), for readers who cannot see it`,
      image.position,
      'figure-alt',
    );
  }
  const read = readFigureFile(file.path, image.url);
  if ('problem' in read) error(file, read.problem, image.position, 'figure-file');
  // The title is inline Markdown: *emphasis* and standards in a caption read as in a paragraph.
  const caption = image.title ? toInlines(parseInline(image.title), { file, at: image.position }) : undefined;
  return {
    type: 'figure',
    number: 0,
    id: '',
    alt,
    position: node.position,
    ...(caption ? { caption } : {}),
    ...('image' in read ? { image: read.image } : {}),
    ...(attributes.label ? { label: attributes.label, labelPosition: attributes.position } : {}),
  };
}
