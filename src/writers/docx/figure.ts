// A figure: its picture centred in a paragraph of its own, as wide as the text
// at most, then its caption ("Figure 1 – Caption") under it.
import { ImageRun, Paragraph, type IImageOptions } from 'docx';
import { basename } from 'node:path';
import type { Figure, FigureImage } from '../../model/document.js';
import { figureCaption } from '../../locale/body.js';
import type { BodyContext } from './blocks.js';
import { bookmarked } from './inlines.js';
import { inlineRuns } from './inlines.js';
import type { Layout } from './layout.js';
import { STYLE } from './styles.js';
import { textRuns } from './table.js';
import { revisionMark, trackedParagraph, type Tracker } from './tracked.js';

/** CSS pixels (1/96 inch, as the model sizes images and docx takes them) in a millimetre. */
const PX_PER_MM = 96 / 25.4;

/**
 * The picture's size in CSS px: its own, or scaled down, proportions kept, to
 * the width of the text and the height of the page's text area. Never scaled
 * up: a small image stretched is a blurred one.
 */
export function pictureSize(image: Pick<FigureImage, 'width' | 'height'>, layout: Layout): { width: number; height: number } {
  const maxWidth = (layout.page.width_mm - 2 * layout.page.margin_mm) * PX_PER_MM;
  const maxHeight = (layout.page.height_mm - 2 * layout.page.margin_mm) * PX_PER_MM;
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

const RASTER = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

function picture(figure: Figure, image: FigureImage, layout: Layout, tracker: Tracker | undefined): ImageRun {
  // The drawing is named after its file, which Word's selection pane lists; the alt text is what a screen reader says.
  const common = {
    transformation: pictureSize(image, layout),
    altText: { name: basename(image.src), description: figure.alt, title: figure.alt },
    ...revisionMark(figure.change, tracker),
  };
  let options: IImageOptions;
  if (image.mime === 'image/svg+xml') {
    // The reader refuses an SVG without its PNG or JPEG copy, for programs that cannot draw SVG.
    if (!image.raster) throw new Error(`DOCX writer: ${image.src} has no PNG or JPEG copy`);
    options = { type: 'svg', data: image.bytes, fallback: { type: RASTER[image.raster.mime], data: image.raster.bytes }, ...common };
  } else {
    options = { type: RASTER[image.mime], data: image.bytes, ...common };
  }
  return new ImageRun(options);
}

export function figureParagraphs(figure: Figure, context: BodyContext): Paragraph[] {
  // The reader reports a file it could not read as an error: no document is written with it.
  if (!figure.image) throw new Error(`DOCX writer: figure ${figure.number} has no image`);
  const caption = figureCaption(figure.number, (figure.caption?.length ?? 0) > 0, context.locale);
  const tracker = context.inline.tracker;
  const runs = [
    ...textRuns(caption.before, figure.change, tracker),
    ...inlineRuns(figure.caption ?? [], context.inline),
    ...textRuns(caption.after, figure.change, tracker),
  ];
  return [
    trackedParagraph({ style: STYLE.figure, children: [picture(figure, figure.image, context.layout, tracker)] }, figure.change, tracker),
    trackedParagraph(
      { style: STYLE.figureTitle, children: bookmarked(figure.id, runs, context.inline) },
      figure.change,
      tracker,
      caption.after === '' ? figure.caption : undefined,
    ),
  ];
}
