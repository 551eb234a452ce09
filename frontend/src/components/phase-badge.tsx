import type { Phase } from '@decidimos/contracts/editions/edition';
import { useTranslation } from 'react-i18next';

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return <span className={`badge phase-${phase}`}>{t(`phase.${phase}`)}</span>;
}
