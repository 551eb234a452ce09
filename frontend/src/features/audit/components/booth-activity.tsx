import type { EditionView } from '@decidimos/contracts/api/schemas';
import { boothActivity, DEFAULT_BOOTH_HOURLY_LIMIT, type BoothHour } from '@decidimos/contracts/audit/booth-activity';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import type { PublicEvent } from '@decidimos/contracts/events/public-event';
import { useState } from 'react';
import { TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useBooths } from '../../../lib/api/get-booths';
import { useFormat } from '../../../lib/format';
import { useStaffT } from '../../../lib/i18n/staff';
import { getExport } from '../api/get-export';

type Load =
  { state: 'idle' } | { state: 'running' } | { state: 'done'; rows: BoothHour[] } | { state: 'error'; error: unknown };

/**
 * Assisted ballots per booth and hour, computed here from the public log, with every
 * booth-hour above the limit flagged: more ballots than people could have voted there.
 */
export function BoothActivity({ edition }: { edition: EditionView }) {
  const t = useStaffT();
  const format = useFormat();
  const booths = useBooths(edition.id);
  const [limit, setLimit] = useState(String(DEFAULT_BOOTH_HOURLY_LIMIT));
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const threshold = Number.parseInt(limit, 10);
  const limitError = Number.isInteger(threshold) && threshold >= 0 ? undefined : t('boothActivity.limitInvalid');

  async function compute() {
    setLoad({ state: 'running' });
    try {
      const events = parseJsonLines(await getExport(edition.id)) as PublicEvent[];
      // Counted without a limit: the table flags rows against whatever limit is typed afterwards.
      setLoad({ state: 'done', rows: boothActivity(events, Number.POSITIVE_INFINITY) });
    } catch (error) {
      setLoad({ state: 'error', error });
    }
  }

  const name = (id: string) => booths.data?.find((b) => b.id === id)?.name ?? id;
  const rows =
    load.state === 'done'
      ? load.rows.map((row) => ({ ...row, flagged: limitError === undefined && row.ballots > threshold }))
      : [];
  return (
    <section aria-labelledby="booth-activity-title">
      <h2 id="booth-activity-title">{t('boothActivity.title')}</h2>
      <p>{t('boothActivity.lead')}</p>
      <TextField
        id="booth-activity-limit"
        type="number"
        inputMode="numeric"
        min={0}
        label={t('boothActivity.limit')}
        hint={t('boothActivity.limitHint', { limit: DEFAULT_BOOTH_HOURLY_LIMIT })}
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        error={limitError}
      />
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => void compute()}
          disabled={load.state === 'running'}
        >
          {t('boothActivity.compute')}
        </button>
      </div>
      <div aria-live="polite">
        {load.state === 'running' ? <Loading /> : null}
        {load.state === 'done' && rows.length === 0 ? <p>{t('boothActivity.none')}</p> : null}
        {load.state === 'done' && rows.length > 0 ? (
          <p>{t('boothActivity.flagged', { count: rows.filter((r) => r.flagged).length })}</p>
        ) : null}
      </div>
      {load.state === 'error' ? <ProblemAlert error={load.error} onRetry={() => void compute()} /> : null}
      {rows.length > 0 ? (
        <table className="data-table responsive" data-testid="booth-activity">
          <thead>
            <tr>
              <th scope="col">{t('boothActivity.booth')}</th>
              <th scope="col">{t('boothActivity.hour')}</th>
              <th scope="col" className="numeric">
                {t('boothActivity.ballots')}
              </th>
              <th scope="col" className="numeric">
                {t('boothActivity.supports')}
              </th>
              <th scope="col">{t('boothActivity.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.booth}-${row.hour}`}
                className={row.flagged ? 'row-flagged' : undefined}
                data-flagged={row.flagged}
              >
                <th scope="row">{name(row.booth)}</th>
                <td data-label={t('boothActivity.hour')}>{format.dateTime(row.hour)}</td>
                <td data-label={t('boothActivity.ballots')} className="numeric">
                  {format.number(row.ballots)}
                </td>
                <td data-label={t('boothActivity.supports')} className="numeric">
                  {format.number(row.supports)}
                </td>
                <td data-label={t('boothActivity.status')}>
                  {row.flagged ? `⚠ ${t('boothActivity.aboveLimit')}` : t('boothActivity.withinLimit')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
