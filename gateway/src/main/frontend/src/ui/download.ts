/** Saves text as a file through a temporary object URL (no server round trip, nothing inline). */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // a byte order mark so spreadsheet programs read UTF-8 (Chinese company names) correctly
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
