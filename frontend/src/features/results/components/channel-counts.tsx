import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

/** How the counted ballots arrived: online or at a booth, and how many at each booth. */
export function ChannelCounts({ results }: { results: ResultsView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="channels-title" data-testid="channel-counts">
      <h2 id="channels-title">{t('results.channelsTitle')}</h2>
      <p>
        {t('results.channels', {
          online: format.number(results.channels.online),
          assisted: format.number(results.channels.assisted),
        })}
      </p>
      {results.booths.length > 0 ? (
        <table className="data-table responsive">
          <caption>{t('results.boothsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.booth')}</th>
              <th scope="col">{t('results.boothDistrict')}</th>
              <th scope="col" className="numeric">
                {t('results.boothBallots')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.booths.map((booth) => (
              <tr key={booth.id}>
                <th scope="row">{booth.name}</th>
                <td data-label={t('results.boothDistrict')}>
                  {results.districts.find((d) => d.id === booth.district)?.name ?? booth.district}
                </td>
                <td data-label={t('results.boothBallots')} className="numeric">
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
