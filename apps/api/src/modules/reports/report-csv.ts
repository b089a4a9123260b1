import type { ReportCell, ReportColumn, ReportRow, ReportTable } from '@gongjian/projections';

const BOM = '\uFEFF';

function field(value: ReportCell | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header of column labels, one line per row, then the totals line when there is one. */
function tableLines(
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
  totals?: ReportRow,
) {
  const keys = columns.map((c) => c.key);
  return [
    columns.map((c) => field(c.label)),
    ...rows.map((row) => keys.map((k) => field(row[k]))),
    ...(totals ? [keys.map((k) => field(totals[k]))] : []),
  ];
}

/**
 * The table as CSV (RFC 4180, CRLF): UTF-8 with a BOM so spreadsheet programs read the Chinese
 * labels, a header of column labels, one line per row, then the totals line; then each section
 * (figures that are not per row) after an empty line: its title, header, rows and totals.
 */
export function renderReportCsv(table: ReportTable): string {
  const lines = tableLines(table.columns, table.rows, table.totals);
  for (const section of table.sections ?? []) {
    lines.push(
      [],
      [field(section.title)],
      ...tableLines(section.columns, section.rows, section.totals),
    );
  }
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
