/** Saves text as a file (no server round trip, nothing inline). */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // a byte order mark so spreadsheet programs read UTF-8 (Chinese company names) correctly
  saveBlob(new Blob(['\ufeff', text], { type }), filename);
}

/** Saves what was fetched or made under its name, through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  if (typeof URL.createObjectURL !== 'function') {
    return; // no object URLs (tests without a browser): nothing to save into
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
