import type { EditionView } from '@decidimos/contracts/api/schemas';
import type { WorkDetail, WorkTimelineEntry } from '@decidimos/contracts/api/works';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { ProblemAlert } from '../../../components/problem-alert';
import { hasRole, useMe } from '../../../lib/api/get-me';
import { useFormat } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useWork } from '../api/get-work';
import { useWorksT } from '../i18n';
import { calendarDay, WorkProgressBar, WorkStatusBadge } from './work-status';
import WorkUpdateForm from './work-update-form';

/** One work: where it stands, its milestones, every update in order, and for implementers the form to record one. */
export function WorkPage({ edition, workId }: { edition: EditionView; workId: string }) {
  const t = useWorksT();
  const work = useWork(workId);
  const me = useMe();
  if (work.error) {
    return (
      <Page title={t('title')} lead={edition.title}>
        <ProblemAlert error={work.error} onRetry={() => void work.refetch()} />
        <p>
          <Link to={paths.works(edition.id)}>{t('back')}</Link>
        </p>
      </Page>
    );
  }
  if (!work.data) return <Loading />;
  if (work.data.editionId !== edition.id) {
    return (
      <Page title={t('title')} lead={t('notFound')}>
        <Link to={paths.works(edition.id)}>{t('back')}</Link>
      </Page>
    );
  }
  return (
    <Page title={work.data.title} lead={edition.title}>
      <WorkFacts work={work.data} />
      <Milestones work={work.data} />
      <Timeline entries={work.data.timeline} />
      {hasRole(me.data, 'implementer') ? <WorkUpdateForm work={work.data} /> : null}
      <p className="actions">
        <Link to={paths.works(edition.id)}>{t('back')}</Link>
        <Link to={paths.proposal(work.data.id)}>{t('proposal')}</Link>
      </p>
    </Page>
  );
}

function WorkFacts({ work }: { work: WorkDetail }) {
  const t = useWorksT();
  const format = useFormat();
  return (
    <section className="card" aria-label={t('progress')}>
      <p className="card-meta">
        <WorkStatusBadge status={work.status} />
        <span>{work.districtName}</span>
      </p>
      <WorkProgressBar progress={work.progress} label={t('progressOf', { title: work.title })} />
      <dl className="facts">
        <dt>{t('awarded')}</dt>
        <dd>{format.money(work.awarded)}</dd>
        <dt>{t('spent')}</dt>
        <dd>{format.money(work.spent)}</dd>
        <dt>{t('department')}</dt>
        <dd>{work.department ?? '—'}</dd>
        <dt>{t('expectedEnd')}</dt>
        <dd>{work.expectedEnd ? format.date(calendarDay(work.expectedEnd)) : '—'}</dd>
        <dt>{t('lastUpdate')}</dt>
        <dd>{work.updatedAt ? format.dateTime(work.updatedAt) : t('never')}</dd>
        {work.reason ? (
          <>
            <dt>{t('reason')}</dt>
            <dd className="prewrap">{work.reason}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Milestones({ work }: { work: WorkDetail }) {
  const t = useWorksT();
  const format = useFormat();
  return (
    <section aria-labelledby="work-milestones">
      <h2 id="work-milestones">{t('milestones')}</h2>
      {work.milestones.length === 0 ? (
        <p>{t('noMilestones')}</p>
      ) : (
        <ol className="plain-list milestones" data-testid="milestones">
          {work.milestones.map((milestone, i) => (
            <li key={i}>
              <strong>{format.date(calendarDay(milestone.date))}</strong> · {milestone.title}
              {milestone.description ? <p className="prewrap">{milestone.description}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every update, newest first, each saying what it changed. */
function Timeline({ entries }: { entries: WorkTimelineEntry[] }) {
  const t = useWorksT();
  const format = useFormat();
  const changes = (entry: WorkTimelineEntry): string[] =>
    [
      entry.status && t('changed.status', { value: t(`status.${entry.status}`) }),
      entry.progress !== null && t('changed.progress', { value: `${entry.progress} %` }),
      entry.spent !== null && t('changed.spent', { value: format.money(entry.spent) }),
      entry.department && t('changed.department', { value: entry.department }),
      entry.expectedEnd && t('changed.expectedEnd', { value: format.date(calendarDay(entry.expectedEnd)) }),
      entry.milestone && t('changed.milestone', { value: entry.milestone.title }),
    ].filter((change): change is string => typeof change === 'string' && change !== '');
  return (
    <section aria-labelledby="work-timeline">
      <h2 id="work-timeline">{t('timeline')}</h2>
      {entries.length === 0 ? (
        <p>{t('noTimeline')}</p>
      ) : (
        <ol className="plain-list work-timeline" data-testid="timeline">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              <ul>
                {changes(entry).map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
              {entry.reason ? (
                <p className="prewrap">
                  {t('reason')}: {entry.reason}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
