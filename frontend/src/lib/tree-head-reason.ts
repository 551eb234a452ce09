import type { TFunction } from 'i18next';
import { PHASES } from '@decidimos/contracts/editions/phases';

/** Why a tree head was signed ('phase:voting', 'results'), in the reader's words; an unknown reason as it came. */
export function treeHeadReason(reason: string, t: TFunction): string {
  if (reason === 'results') return t('treeHead.results');
  const phase = PHASES.find((p) => reason === `phase:${p}`);
  return phase ? t('treeHead.phase', { phase: t(`phase.${phase}`) }) : reason;
}
