/** Files the app hands to the browser to save (the brand's CSV exports). */

/** The same address asking for CSV: `?format=csv`, kept beside any query it already has. */
export function csvPath(path: string): string {
  const [base = '', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('format', 'csv');
  return `${base}?${params.toString()}`;
}

/**
 * Offer a Blob as a download named `filename`: an object URL, clicked through a link that is
 * never shown, then released (later, as some browsers read it after the click returns).
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 1000);
  }
}
