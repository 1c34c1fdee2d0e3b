/** CSV files the partner downloads (RFC 4180, with a guard against spreadsheet formula injection). */

export type Cell = string | number | null | undefined;

/** One field: quoted when it must be; a leading =, +, - or @ of text is defused so no spreadsheet runs it. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
