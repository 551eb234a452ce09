import type { EditionView } from '@decidimos/contracts/api/schemas';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { districtName, editionPools } from '../../../lib/api/get-edition';
import { useFormat } from '../../../lib/format';
import { useReviewQueue } from '../api/get-review-queue';
import { paths } from '../../../lib/paths';
import { useReviewT } from '../../../lib/i18n/review';

/** Proposals still to assess, oldest first, filtered by district. */
export function ReviewQueue({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const rt = useReviewT();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const district = params.get('district') ?? '';
  const queue = useReviewQueue(edition.id, district);
  return (
    <>
      <div className="filters">
        <SelectField
          label={t('proposals.district')}
          value={district}
          onChange={(e) => setParams(e.target.value ? { district: e.target.value } : {})}
        >
          <option value="">{t('proposals.allDistricts')}</option>
          {editionPools(edition).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      </div>
      {queue.error ? <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isPending ? <Loading /> : null}
      <p role="status" className="result-count">
        {queue.data ? rt('count', { count: queue.data.total }) : ''}
      </p>
      {queue.data?.total === 0 ? <p>{rt('empty')}</p> : null}
      <table className="data-table responsive">
        <thead>
          <tr>
            <th scope="col">{rt('proposal')}</th>
            <th scope="col">{t('proposals.district')}</th>
            <th scope="col" className="numeric">
              {t('proposal.estimatedCost')}
            </th>
            <th scope="col">{rt('submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.data?.items.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={paths.assess(p.id)}>{p.title}</Link>
              </th>
              <td data-label={t('proposals.district')}>{districtName(edition, p.district)}</td>
              <td data-label={t('proposal.estimatedCost')} className="numeric">
                {format.money(p.estimatedCost)}
              </td>
              <td data-label={rt('submitted')}>{format.date(p.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
