// Download links for an export (docs/exports.md): one per file type, plain links so the browser
// streams the file to disk with the session cookie.
import type { ExportFile } from '../api/export-endpoints.ts';

const FILES: [ExportFile, string][] = [
  ['csv', 'CSV'],
  ['json', 'JSON'],
];

export function DownloadLinks({ what, url, disabled }: { what: string; url: (file: ExportFile) => string; disabled: boolean }) {
  return (
    <div className="form-actions">
      {FILES.map(([file, label]) =>
        disabled ? (
          <button key={file} type="button" className="button" disabled>
            Download {label}
          </button>
        ) : (
          <a key={file} className="button" href={url(file)} download aria-label={`Download ${what} as ${label}`}>
            Download {label}
          </a>
        ),
      )}
    </div>
  );
}

