/** One column of a report: its key in rows and totals, and its Chinese label (CSV header). */
export interface ReportColumn {
  key: string;
  label: string;
}

export type ReportCell = string | number | null;
export type ReportRow = Record<string, ReportCell>;

/** The answer of `GET /reports/{name}` (API.md "Reports"). */
export interface ReportTable {
  report: string;
  year: number;
  title: string;
  township?: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  totals: ReportRow;
  /** Figures that are not per row of the table, as small tables of their own (see ReportSection). */
  sections?: ReportSection[];
  [extra: string]: unknown;
}

/**
 * A small table of figures a report gives beside its main one (the funding standards, assessed
 * per recipient and not per source × purpose; a line the report counts by): the CSV prints each
 * after the totals line, following an empty line, as its title, header, rows and totals.
 */
export interface ReportSection {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  totals?: ReportRow;
}

/** A section of single figures, one per line: what it is (项目) and its value (数值). */
export function figuresSection(
  key: string,
  title: string,
  figures: readonly { key: string; label: string; value: ReportCell }[],
): ReportSection {
  return {
    key,
    title,
    columns: [
      { key: 'label', label: '项目' },
      { key: 'value', label: '数值' },
    ],
    rows: figures.map((figure) => ({ ...figure })),
  };
}

export interface ReportFilter {
  year: number;
  township?: string;
  /** Only these townships (an operator's scope) when no single township is named. */
  townships?: readonly string[];
}

/** Sums the numeric columns of `rows` (keys listed), for a totals line. */
export function sumColumns(rows: readonly ReportRow[], keys: readonly string[]): ReportRow {
  const totals: ReportRow = {};
  for (const key of keys) {
    totals[key] = rows.reduce((sum, row) => sum + (typeof row[key] === 'number' ? row[key] : 0), 0);
  }
  return totals;
}

/** Fen as 万元 (10,000 yuan = 1,000,000 fen), two decimals, as the county's tables print it. */
export const fenToWanYuan = (fen: number): number => Math.round(fen / 10_000) / 100;

/** A share as a percentage with one decimal; null when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
