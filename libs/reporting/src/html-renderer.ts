import { Block, Inline, ReportDocument } from './report-document';
import { escapeXml } from './svg-charts';

const html = (inline: Inline) => (typeof inline === 'string' ? escapeXml(inline) : inline.html);

/** Screen and print in one stylesheet; the print part is what the PDF shows. */
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #212121; margin: 0 auto; max-width: 60rem; padding: 2rem; }
header { border-bottom: 3px solid #1565c0; margin-bottom: 1.5rem; padding-bottom: 0.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 0.3rem; color: #0d47a1; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 0.6rem; color: #0d47a1; border-bottom: 1px solid #bbdefb; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; color: #37474f; }
.subtitle { font-weight: bold; margin: 0 0 0.3rem; }
.meta { margin: 0; padding: 0; list-style: none; color: #455a64; font-size: 0.9rem; }
.meta li { display: inline; margin-right: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; font-size: 0.9rem; }
th, td { border: 1px solid #cfd8dc; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #e3f2fd; }
tr:nth-child(even) td { background: #fafafa; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.3rem 0 0.6rem; font-size: 0.92rem; }
dl.facts dt { font-weight: bold; color: #37474f; }
dl.facts dd { margin: 0; }
blockquote { margin: 0.5rem 0; padding: 0.5rem 1rem; border-left: 4px solid #90caf9; background: #f5f9ff; font-style: italic; }
.chart { vertical-align: middle; }
.small { font-size: 0.8rem; color: #546e7a; }
.warn { color: #c62828; font-weight: bold; }
footer { margin-top: 2rem; border-top: 1px solid #cfd8dc; padding-top: 0.5rem; font-size: 0.8rem; color: #607d8b; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  dl.facts, svg, blockquote { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

function block(item: Block): string {
  switch (item.type) {
    case 'heading':
      return `<h${item.level}>${escapeXml(item.text)}</h${item.level}>`;
    case 'paragraph':
      return `<p>${html(item.text)}</p>`;
    case 'quote':
      return `<blockquote>${escapeXml(item.text)}</blockquote>`;
    case 'facts':
      return `<dl class="facts">${item.rows.map(([label, value]) => `<dt>${escapeXml(label)}</dt><dd>${html(value)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${item.items.map((entry) => `<li>${html(entry)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table><thead><tr>${item.header.map((title) => `<th>${escapeXml(title)}</th>`).join('')}</tr></thead>` +
        `<tbody>${item.rows.map((row) => `<tr>${row.map((value) => `<td>${html(value)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`
      );
    case 'chart':
      return `<figure class="figure">${item.svg}</figure>`;
  }
}

/** The report as one self-contained HTML file: inline CSS (with a print stylesheet) and inline SVG, nothing fetched. */
export function renderHtml(document: ReportDocument): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${document.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(document.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeXml(document.title)}</h1>`,
    `<p class="subtitle">${escapeXml(document.subtitle)}</p>`,
    `<ul class="meta">${document.meta.map(([label, value]) => `<li>${escapeXml(label)}: ${escapeXml(value)}</li>`).join('')}</ul>`,
    '</header>',
    '<main>',
    ...document.blocks.map(block),
    '</main>',
    `<footer>${escapeXml(document.footer)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
