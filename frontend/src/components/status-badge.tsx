import type { ProposalStatus } from '@decidimos/contracts/api/schemas';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
