import type { ReportCell, ReportTable } from '@gongjian/projections';

const BOM = '\uFEFF';

function field(value: ReportCell | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV (RFC 4180, CRLF): UTF-8 with a BOM so spreadsheet programs read the Chinese
 * labels, a header of column labels, one line per row, then the totals line.
 */
export function renderReportCsv(table: ReportTable): string {
  const keys = table.columns.map((c) => c.key);
  const lines = [
    table.columns.map((c) => field(c.label)),
    ...table.rows.map((row) => keys.map((k) => field(row[k]))),
    keys.map((k) => field(table.totals[k])),
  ];
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
