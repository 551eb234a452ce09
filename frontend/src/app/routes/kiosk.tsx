import type { EditionView } from '@decidimos/contracts/api/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { Kiosk, type KioskBallotProps } from '../../features/kiosk/components/kiosk';
// The voting feature's screens, through the ballot route (see there): reaching every module
// it reaches, the kiosk leaves the ballot route's chunks as they are.
import * as voting from './ballot';

/** The kiosk of an edition (`?kiosk=1`), with the voting feature's ballot screens. */
export function KioskRoute({ edition }: { edition: EditionView }) {
  return <Kiosk edition={edition} Ballot={KioskBallot} />;
}

/** Build, then review and cast, one screen at a time; the kiosk shows the receipt. */
function KioskBallot({ edition, district, budget, onCast }: KioskBallotProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'build' | 'review'>('build');
  const ballot = voting.useMyBallot(edition.id);
  const options = voting.useBallotOptions(edition.id, district);
  // Every resident also votes in the citywide pool, when the edition has one.
  const pool = edition.citywidePool;
  const poolOptions = voting.useBallotOptions(edition.id, pool?.id ?? null);
  if (ballot.error) return <ProblemAlert error={ballot.error} onRetry={() => void ballot.refetch()} />;
  for (const query of [options, poolOptions]) {
    if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (ballot.isPending || options.isPending || (pool && poolOptions.isPending)) return <Loading />;
  if (ballot.data && !edition.rules.ballot.revoting) {
    const { receipt } = ballot.data;
    return (
      <>
        <p className="alert alert-info">{t('ballot.alreadyCastFinal')}</p>
        <button type="button" className="button" onClick={() => onCast(receipt)}>
          {t('ballot.seeReceipt')}
        </button>
      </>
    );
  }
  const name = edition.districts.find((d) => d.id === district)?.name ?? district;
  const pools = [{ id: district, name, budget, options: options.options }];
  if (pool) pools.push({ ...pool, options: poolOptions.options });
  if (pools.every((p) => p.options.length === 0)) return <p className="alert alert-info">{t('ballot.noOptions')}</p>;
  const shared = {
    editionId: edition.id,
    pools,
    rules: edition.rules.ballot,
    initialSelection: ballot.data?.selections ?? [],
  };
  return step === 'review' ? (
    <voting.BallotReview
      {...shared}
      changing={ballot.data !== null}
      onBack={() => setStep('build')}
      onCast={(answer) => onCast(answer.receipt)}
    />
  ) : (
    <voting.BallotBuilder {...shared} onReview={() => setStep('review')} />
  );
}
