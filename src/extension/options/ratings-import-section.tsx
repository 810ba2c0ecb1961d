/** Options: import a ratings file (docs/ratings.md) and show which rows were taken and which not, and why. */
import { useState } from 'preact/hooks';
import { MAX_RATINGS_FILE_BYTES } from '../../core/ratings-file.js';
import { askBackground } from '../ask-background.js';
import { ImportReportReply, type ImportReport, type RatingChoicesView } from '../rating-replies.js';

interface Props {
  onImported: (view: RatingChoicesView) => void;
}

export function RatingsImportSection({ onImported }: Props) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');

  async function importFile(file: File | undefined) {
    setReport(null);
    setError('');
    if (file === undefined) return;
    if (file.size > MAX_RATINGS_FILE_BYTES)
      return setError(`${file.name} is too large to be a ratings file.`);
    const reply = await askBackground({ type: 'import-ratings', text: await file.text() }, ImportReportReply);
    if (!reply.ok) return setError(reply.error.message);
    setReport(reply.data);
    onImported(reply.data.view);
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import ratings</h2>
      <label for="ratings-file">Ratings file (CSV or JSON)</label>
      <input
        id="ratings-file"
        type="file"
        accept=".csv,.json,text/csv,application/json"
        onChange={(e) => void importFile(e.currentTarget.files?.[0])}
      />
      <p class="hint">
        Ratings of another rater you are licensed to use, one row per outlet: see the ratings file format in
        the project's docs/ratings.md. Rows by <code>local-override</code> (an export of your overrides)
        restore overrides.
      </p>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {report && <ImportReportView report={report} />}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const others = report.accepted - report.overrides;
  return (
    <div class="import-report" role="status">
      {report.error ? (
        <p class="status error">Nothing imported: {report.error}</p>
      ) : (
        <p class={`status ${report.rejectedCount === 0 ? 'ok' : ''}`}>
          {report.format.toUpperCase()}: {others} ratings and {report.overrides} overrides imported,{' '}
          {report.rejectedCount} rows rejected.
        </p>
      )}
      {report.rejected.length > 0 && (
        <ul class="rejected-rows">
          {report.rejected.map((row) => (
            <li key={row.row}>
              {row.line === null ? `item ${row.row}` : `line ${row.line}`}: {row.reason}
            </li>
          ))}
        </ul>
      )}
      {report.rejectedCount > report.rejected.length && (
        <p class="hint">…and {report.rejectedCount - report.rejected.length} more.</p>
      )}
    </div>
  );
}
