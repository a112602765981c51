import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { csvPath, saveBlob } from '@/lib/download';

export interface CsvDownload {
  /** The JSON resource's path (`/brand/analytics/ratings?days=30`). */
  path: string;
  filename: string;
}

/**
 * The same resource as CSV (`?format=csv`), saved as a file. A plain link cannot carry the
 * bearer token, so the file is fetched by the API client and handed to the browser as a Blob.
 */
export async function downloadCsv({ path, filename }: CsvDownload): Promise<void> {
  const blob = await apiClient.getBlob(csvPath(path), { auth: true, accept: 'text/csv' });
  saveBlob(blob, filename);
}

export function useDownloadCsv() {
  return useMutation({ mutationFn: downloadCsv });
}
