import { CHAR_WIDTH, type DecodedJob, type Raster } from './escpos-decoder';

/** One text line of font A is 24 dots high; receiptline's line spacing (ESC 2) adds 6. */
const LINE_HEIGHT = 30;
const MARGIN = 16;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A decoded job as an SVG picture of the paper: text at its dot positions in a monospace font
 * (DejaVu Sans Mono advances 0.6 em, so 20 px makes the 12-dot columns) and raster images as
 * black rectangles, one per horizontal run. Rasterise it with @resvg/resvg-js for a PNG.
 */
export function previewSvg(job: DecodedJob, paperWidthDots: number): string {
  const parts: string[] = [];
  let y = MARGIN;
  for (const block of job.blocks) {
    if (block.kind === 'image') {
      parts.push(rasterRects(block.image, MARGIN, y));
      y += block.image.height;
      continue;
    }
    const height = Math.max(1, ...block.runs.map((r) => r.height));
    y += LINE_HEIGHT * height;
    for (const run of block.runs) {
      if (run.text.trim() === '') continue;
      const x = MARGIN + run.x;
      const scale = run.width !== 1 || run.height !== 1 ? ` transform="translate(${x} ${y - 6}) scale(${run.width} ${run.height})"` : ` x="${x}" y="${y - 6}"`;
      const weight = run.bold ? ' font-weight="bold"' : '';
      parts.push(`<text${scale}${weight} xml:space="preserve">${escapeXml(run.text)}</text>`);
    }
  }
  const width = paperWidthDots + 2 * MARGIN;
  const height = y + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g font-family="DejaVu Sans Mono, Liberation Mono, monospace" font-size="${(CHAR_WIDTH / 0.6).toFixed(0)}" fill="#000">`,
    ...parts,
    '</g></svg>',
  ].join('\n');
}

function rasterRects(image: Raster, left: number, top: number): string {
  const rects: string[] = [];
  image.rows.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = x < row.length && row[x];
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        rects.push(`M${left + image.x + start} ${top + y}h${x - start}v1h${start - x}z`);
        start = -1;
      }
    }
  });
  return rects.length > 0 ? `<path fill="#000" d="${rects.join('')}"/>` : '';
}
