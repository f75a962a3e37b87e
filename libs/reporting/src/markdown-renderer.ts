import { Block, Inline, ReportDocument } from './report-document';

const plain = (inline: Inline) => (typeof inline === 'string' ? inline : inline.text);

/** Text that Markdown would otherwise read as markup, and line breaks that would end a table row. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

const cell = (inline: Inline) => escapeMarkdown(plain(inline)) || ' ';

function block(item: Block): string {
  switch (item.type) {
    case 'heading':
      return `${'#'.repeat(item.level)} ${escapeMarkdown(item.text)}`;
    case 'paragraph':
      return escapeMarkdown(plain(item.text));
    case 'quote':
      return `> ${escapeMarkdown(item.text)}`;
    case 'facts':
      return item.rows.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(plain(value))}`).join('\n');
    case 'list':
      return item.items.map((entry) => `- ${escapeMarkdown(plain(entry))}`).join('\n');
    case 'table':
      return [`| ${item.header.map(cell).join(' | ')} |`, `|${item.header.map(() => ' --- ').join('|')}|`, ...item.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
    case 'chart':
      return block(item.fallback);
  }
}

/** The report as Markdown (CommonMark with GitHub tables): headings, lists and tables, no HTML. */
export function renderMarkdown(document: ReportDocument): string {
  const parts = [
    `# ${escapeMarkdown(document.title)}`,
    `**${escapeMarkdown(document.subtitle)}**`,
    document.meta.map(([label, value]) => `- ${escapeMarkdown(label)}: ${escapeMarkdown(value)}`).join('\n'),
    ...document.blocks.map(block),
    '---',
    `_${escapeMarkdown(document.footer)}_`,
  ];
  return `${parts.filter((part) => part.length > 0).join('\n\n')}\n`;
}
