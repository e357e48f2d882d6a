import { escapeHtml } from './escape-html.ts';

/** One bar: a label and a non-negative value. */
export interface Bar {
  label: string;
  value: number;
}

const ROW = 26;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 320;
const MAX_LABEL = 40;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_LABEL ? text : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
}

/**
 * A horizontal bar chart as inline SVG (server-rendered, no scripts, no external requests). Every label is escaped;
 * the SVG has a title for screen readers and each bar a <title> with the full label and value.
 */
export function svgBars(title: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const height = bars.length * ROW + 4;
  const rows = bars
    .map((bar, i) => {
      const y = i * ROW + 2;
      const w = Math.max(bar.value > 0 ? 2 : 0, Math.round((bar.value / max) * BAR_WIDTH));
      const value = Number.isInteger(bar.value) ? String(bar.value) : bar.value.toFixed(1);
      return `<g><title>${escapeHtml(`${bar.label}: ${value}`)}</title><text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" font-size="13">${escapeHtml(
        shorten(bar.label),
      )}</text><rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="${ROW - 8}" fill="#2f6f8f"></rect><text x="${LABEL_WIDTH + w + 6}" y="${y + 17}" font-size="13">${value}</text></g>`;
    })
    .join('');
  return `<svg class="bars" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(
    title,
  )}</title>${rows}</svg>`;
}
