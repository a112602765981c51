import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { apiErrorMessage } from '@/lib/errors';
import { useDownloadCsv } from '../api/download-csv';
import { csvFilename } from '../utils/chart';

/**
 * "Download CSV" for one of the analytics: the same address with `?format=csv`, fetched with
 * the session's token and saved as a file.
 */
export function CsvButton({ path, name, what }: { path: string; name: string; what: string }) {
  const { t } = useTranslation();
  const download = useDownloadCsv();
  return (
    <div className="csv-download">
      <button
        type="button"
        className="button button-ghost"
        disabled={download.isPending}
        aria-label={t('analytics.downloadNamed', { what })}
        onClick={() => {
          download.mutate({ path, filename: csvFilename(name, Date.now()) });
        }}
      >
        {download.isPending ? t('analytics.downloading') : t('analytics.download')}
      </button>
      {download.isError ? <Alert tone="error">{apiErrorMessage(download.error, t)}</Alert> : null}
    </div>
  );
}
