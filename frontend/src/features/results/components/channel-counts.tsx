import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { useFormat } from '../../../lib/format';
import { useResultsT } from '../../../lib/i18n/results';

/** How the counted ballots arrived: online or at a booth, and how many at each booth. */
export function ChannelCounts({ results }: { results: ResultsView }) {
  const t = useResultsT();
  const format = useFormat();
  return (
    <section aria-labelledby="channels-title" data-testid="channel-counts">
      <h2 id="channels-title">{t('channelsTitle')}</h2>
      <p>
        {t('channels', {
          online: format.number(results.channels.online),
          assisted: format.number(results.channels.assisted),
        })}
      </p>
      {results.booths.length > 0 ? (
        <table className="data-table responsive">
          <caption>{t('boothsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('booth')}</th>
              <th scope="col">{t('boothDistrict')}</th>
              <th scope="col" className="numeric">
                {t('boothBallots')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.booths.map((booth) => (
              <tr key={booth.id}>
                <th scope="row">{booth.name}</th>
                <td data-label={t('boothDistrict')}>
                  {results.districts.find((d) => d.id === booth.district)?.name ?? booth.district}
                </td>
                <td data-label={t('boothBallots')} className="numeric">
                  {format.number(booth.ballots)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
