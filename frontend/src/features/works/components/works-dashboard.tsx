import type { EditionView } from '@decidimos/contracts/api/schemas';
import type { WorkView } from '@decidimos/contracts/api/works';
import { WORK_STATUSES } from '@decidimos/contracts/works/work-status';
import { editionPools } from '@decidimos/contracts/editions/edition';
import { isPublished } from '@decidimos/contracts/editions/phases';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useWorks, worksPath } from '../api/get-works';
import { useWorksT } from '../i18n';
import SpendingChart, { type DistrictSpending } from './spending-chart';
import { calendarDay, WorkProgressBar, WorkStatusBadge } from './work-status';

/** The public works dashboard of an edition: counts by status, awarded against spent per district, every work's progress. */
export function WorksDashboard({ edition }: { edition: EditionView }) {
  const t = useWorksT();
  const published = isPublished(edition.phase);
  const works = useWorks(edition.id, published);
  if (!published) {
    return (
      <Page title={t('title')} lead={edition.title}>
        <p className="alert alert-info">{t('notYet')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('title')} lead={edition.title}>
      <p>{t('lead')}</p>
      {works.error ? <ProblemAlert error={works.error} onRetry={() => void works.refetch()} /> : null}
      {works.isPending ? <Loading /> : null}
      {works.data ? (
        works.data.items.length === 0 ? (
          <p className="alert alert-info">{t('none')}</p>
        ) : (
          <>
            <StatusCounts works={works.data.items} />
            <DistrictSpendingTable edition={edition} works={works.data.items} />
            <WorkCards editionId={edition.id} works={works.data.items} />
            <OpenData editionId={edition.id} />
          </>
        )
      ) : null}
    </Page>
  );
}

function StatusCounts({ works }: { works: WorkView[] }) {
  const t = useWorksT();
  const format = useFormat();
  return (
    <section aria-labelledby="works-by-status">
      <h2 id="works-by-status">{t('byStatus')}</h2>
      <ul className="work-status-counts" data-testid="work-status-counts">
        {WORK_STATUSES.map((status) => (
          <li key={status}>
            <strong>{format.number(works.filter((w) => w.status === status).length)}</strong>{' '}
            <WorkStatusBadge status={status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DistrictSpendingTable({ edition, works }: { edition: EditionView; works: WorkView[] }) {
  const t = useWorksT();
  const format = useFormat();
  // Per pool: each district, and the citywide pool if the edition has one.
  const districts: DistrictSpending[] = editionPools(edition).flatMap((district) => {
    const own = works.filter((w) => w.district === district.id);
    if (own.length === 0) return [];
    const sum = (field: 'awarded' | 'spent') => own.reduce((total, w) => total + w[field], 0);
    return [{ id: district.id, name: district.name, works: own.length, awarded: sum('awarded'), spent: sum('spent') }];
  });
  return (
    <section aria-labelledby="works-budget">
      <h2 id="works-budget">{t('budgetTitle')}</h2>
      <table className="data-table responsive">
        <caption>{t('budgetCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district')}</th>
            <th scope="col" className="numeric">
              {t('works')}
            </th>
            <th scope="col" className="numeric">
              {t('awarded')}
            </th>
            <th scope="col" className="numeric">
              {t('spent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.name}</th>
              <td data-label={t('works')} className="numeric">
                {format.number(d.works)}
              </td>
              <td data-label={t('awarded')} className="numeric">
                {format.money(d.awarded)}
              </td>
              <td data-label={t('spent')} className="numeric">
                {format.money(d.spent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SpendingChart
        districts={districts}
        labels={{ awarded: t('awarded'), spent: t('spent') }}
        money={format.money}
        compactMoney={format.compactMoney}
      />
    </section>
  );
}

function WorkCards({ editionId, works }: { editionId: string; works: WorkView[] }) {
  const t = useWorksT();
  const format = useFormat();
  return (
    <section aria-labelledby="works-list">
      <h2 id="works-list">{t('listTitle')}</h2>
      <ul className="cards" data-testid="works">
        {works.map((work) => (
          <li key={work.id} className="card">
            <h3 className="card-title">
              <Link to={paths.works(editionId, work.id)}>{work.title}</Link>
            </h3>
            <p className="card-meta">
              <WorkStatusBadge status={work.status} />
              <span>{work.districtName}</span>
            </p>
            <WorkProgressBar progress={work.progress} label={t('progressOf', { title: work.title })} />
            <p className="card-figures">
              {t('figures', { awarded: format.money(work.awarded), spent: format.money(work.spent) })}
            </p>
            {work.expectedEnd ? (
              <p className="card-figures">
                {t('expectedEnd')}: {format.date(calendarDay(work.expectedEnd))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OpenData({ editionId }: { editionId: string }) {
  const t = useWorksT();
  return (
    <section aria-labelledby="works-open-data">
      <h2 id="works-open-data">{t('openData')}</h2>
      <p>{t('openDataLead')}</p>
      <ul className="plain-list downloads">
        <li>
          <a href={`${worksPath(editionId)}.csv`} download={`obras-${editionId}.csv`}>
            {t('downloadCsv')}
          </a>
        </li>
        <li>
          <a href={`${worksPath(editionId)}.json`} download={`obras-${editionId}.json`}>
            {t('downloadJson')}
          </a>
        </li>
      </ul>
    </section>
  );
}
