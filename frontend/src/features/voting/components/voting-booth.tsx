import type { EditionView } from '@decidimos/contracts/api/schemas';
import { phaseAtLeast } from '@decidimos/contracts/editions/phases';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Loading } from '../../../components/loading';
import { NextSteps } from '../../../components/next-steps';
import { Page } from '../../../components/page';
import { ProblemAlert } from '../../../components/problem-alert';
import { useMe } from '../../../lib/api/get-me';
import { useFormat } from '../../../lib/format';
import { loginUrl } from '../../../lib/login';
import { useBallotOptions } from '../api/get-ballot-options';
import { useMyBallot } from '../api/get-my-ballot';
import { BallotBuilder } from './ballot-builder';
import { BallotReview } from './ballot-review';
import { ReceiptCard } from './receipt-card';
import { paths } from '../../../lib/paths';

export type BoothStep = 'build' | 'review' | 'receipt';

/** The voting journey of one edition: build the ballot, review and cast it, keep the receipt. */
export function VotingBooth({ edition, step }: { edition: EditionView; step: BoothStep }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.error) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (me.isPending) return <Loading />;
  const title = t('ballot.title');
  if (!me.data) {
    return (
      <Page title={title} lead={t('ballot.loginLead')}>
        <a className="button" href={loginUrl(location.pathname)}>
          {t('auth.login')}
        </a>
      </Page>
    );
  }
  if (!me.data.eligible || !me.data.district) {
    return <Page title={title} lead={t('ballot.notEligible')} />;
  }
  const district = edition.districts.find((d) => d.id === me.data?.district);
  if (!district) return <Page title={title} lead={t('ballot.districtNotInEdition', { district: me.data.district })} />;
  return (
    <Page title={title} lead={t('ballot.lead', { district: district.name })}>
      <InPersonNotice edition={edition} />
      <Booth edition={edition} district={district} step={step} />
    </Page>
  );
}

/**
 * A ballot recorded for the resident at a booth, and any ballot it replaced, is said
 * first: someone who voted online learns at once that an officer replaced that vote.
 */
function InPersonNotice({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ballot = useMyBallot(edition.id);
  if (ballot.data?.channel !== 'assisted') return null;
  const booth = ballot.data.boothName ?? ballot.data.booth ?? '';
  const replaced = ballot.data.replaced;
  return (
    <div className={replaced ? 'alert alert-warning' : 'alert alert-info'} data-testid="in-person-notice">
      <p>{t('ballot.inPerson', { booth, when: format.dateTime(ballot.data.castAt) })}</p>
      {replaced ? (
        <p>
          {t(replaced.channel === 'online' ? 'ballot.replacedOnline' : 'ballot.replacedAssisted')}{' '}
          {t('ballot.replacedHelp')}
        </p>
      ) : null}
    </div>
  );
}

interface BoothProps {
  edition: EditionView;
  district: EditionView['districts'][number];
  step: BoothStep;
}

function Booth({ edition, district, step }: BoothProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const ballot = useMyBallot(edition.id);
  const options = useBallotOptions(edition.id, district.id);
  // Every resident also votes in the citywide pool, when the edition has one.
  const pool = edition.citywidePool;
  const poolOptions = useBallotOptions(edition.id, pool?.id ?? null);
  const justCast = Boolean((location.state as { justCast?: boolean } | null)?.justCast);

  if (ballot.error) return <ProblemAlert error={ballot.error} onRetry={() => void ballot.refetch()} />;
  for (const query of [options, poolOptions]) {
    if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (ballot.isPending || options.isPending || (pool && poolOptions.isPending)) return <Loading />;

  if (step === 'receipt' && ballot.data) {
    return (
      <>
        {justCast ? (
          <NextSteps title={t('ballot.castDone')}>
            <p>{t('ballot.next.keepReceipt')}</p>
            <p>
              {edition.calendar.counting
                ? t('ballot.next.countOn', { date: format.date(edition.calendar.counting) })
                : t('ballot.next.count')}
            </p>
            {edition.rules.ballot.revoting ? <p>{t('ballot.next.change')}</p> : null}
          </NextSteps>
        ) : null}
        <ReceiptCard editionTitle={edition.title} receipt={ballot.data.receipt} castAt={ballot.data.castAt} />
        {edition.phase === 'voting' && edition.rules.ballot.revoting ? (
          <p>
            <Link to={paths.ballot(edition.id)}>{t('ballot.changeLink')}</Link>
          </p>
        ) : null}
      </>
    );
  }

  if (edition.phase !== 'voting') {
    return (
      <>
        <p className="alert alert-info">
          {!phaseAtLeast(edition.phase, 'voting')
            ? edition.calendar.voting
              ? t('ballot.notOpenYetOn', { date: format.date(edition.calendar.voting) })
              : t('ballot.notOpenYet')
            : t('ballot.closed')}
        </p>
        {ballot.data ? (
          <ReceiptCard editionTitle={edition.title} receipt={ballot.data.receipt} castAt={ballot.data.castAt} />
        ) : null}
      </>
    );
  }

  const initialSelection = ballot.data?.selections ?? [];
  const alreadyCast = ballot.data !== null;
  if (alreadyCast && !edition.rules.ballot.revoting) {
    return (
      <>
        <p className="alert alert-info">{t('ballot.alreadyCastFinal')}</p>
        <ReceiptCard editionTitle={edition.title} receipt={ballot.data!.receipt} castAt={ballot.data!.castAt} />
      </>
    );
  }
  const pools = [{ ...district, options: options.options }];
  if (pool) pools.push({ ...pool, options: poolOptions.options });
  if (pools.every((p) => p.options.length === 0)) return <p className="alert alert-info">{t('ballot.noOptions')}</p>;

  const shared = { editionId: edition.id, pools, rules: edition.rules.ballot, initialSelection };
  return (
    <>
      {alreadyCast ? (
        <p className="alert alert-info">
          {t('ballot.alreadyCast')} <Link to={paths.ballot(edition.id, 'receipt')}>{t('ballot.seeReceipt')}</Link>
        </p>
      ) : null}
      <ol className="steps" aria-label={t('ballot.stepsLabel')}>
        <li aria-current={step === 'build' ? 'step' : undefined}>{t('ballot.step.build')}</li>
        <li aria-current={step === 'review' ? 'step' : undefined}>{t('ballot.step.review')}</li>
        <li>{t('ballot.step.receipt')}</li>
      </ol>
      {step === 'review' ? (
        <BallotReview
          {...shared}
          changing={alreadyCast}
          onBack={() => void navigate(paths.ballot(edition.id))}
          onCast={() => void navigate(paths.ballot(edition.id, 'receipt'), { state: { justCast: true } })}
        />
      ) : (
        <BallotBuilder {...shared} onReview={() => void navigate(paths.ballot(edition.id, 'review'))} />
      )}
    </>
  );
}
