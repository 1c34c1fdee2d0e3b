/**
 * A statement (GET /api/statements/{partnerId}) shown and downloaded without assuming more of its shape than
 * API.md fixes: scalar fields become a definition list, arrays of objects become tables, Money is money. Pure.
 */
import type { Cell } from './csv';

export type Scalar = string | number | boolean | null;
export interface MoneyValue { amount: string; currency: string }

export function isMoney(value: unknown): value is MoneyValue {
  return typeof value === 'object' && value !== null
    && typeof (value as MoneyValue).currency === 'string'
    && ((value as MoneyValue).amount !== undefined)
    && Object.keys(value).length <= 2;
}

export interface StatementShape {
  /** top-level values: ids, dates, money totals */
  fields: [string, Scalar | MoneyValue][];
  /** each list of records in the statement (lines, totals per currency...), by its field name */
  tables: { name: string; columns: string[]; rows: Record<string, unknown>[] }[];
}

export function statementShape(statement: unknown): StatementShape {
  const shape: StatementShape = { fields: [], tables: [] };
  if (typeof statement !== 'object' || statement === null) {
    return shape;
  }
  for (const [key, value] of Object.entries(statement as Record<string, unknown>)) {
    if (Array.isArray(value)) {
      const rows = value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
      const columns: string[] = [];
      rows.forEach((row) => Object.keys(row).forEach((column) => {
        if (!columns.includes(column)) {
          columns.push(column);
        }
      }));
      shape.tables.push({ name: key, columns, rows });
    } else if (isMoney(value) || value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      shape.fields.push([key, value as Scalar | MoneyValue]);
    }
  }
  return shape;
}

/** The biggest table of the statement as CSV rows: Money splits into amount and currency columns. */
export function statementCsvRows(shape: StatementShape): { header: string[]; rows: Cell[][] } | null {
  const main = [...shape.tables].sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!main || main.rows.length === 0) {
    return null;
  }
  const header: string[] = [];
  const moneyColumns = new Set(main.columns.filter((c) => main.rows.some((row) => isMoney(row[c]))));
  for (const column of main.columns) {
    header.push(column);
    if (moneyColumns.has(column)) {
      header.push(`${column}Currency`);
    }
  }
  const rows = main.rows.map((row) => main.columns.flatMap((column): Cell[] => {
    const value = row[column];
    if (moneyColumns.has(column)) {
      return isMoney(value) ? [String(value.amount), value.currency] : ['', ''];
    }
    if (value === null || value === undefined) {
      return [''];
    }
    return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
  }));
  return { header, rows };
}
