/** Saves something the page produced as a file, without any request (a blob URL of this origin). */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Today as YYYY-MM-DD, for file names and the date printed on exports. */
export function isoDate(): string {
  return new Date().toISOString().slice(0, 10);
}
