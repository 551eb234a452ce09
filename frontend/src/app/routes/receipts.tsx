import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../components/page';
import { ReceiptCheck } from '../../features/audit/components/receipt-check';

export function ReceiptsRoute() {
  const { t } = useTranslation();
  const { receipt = '' } = useParams();
  return (
    <Page title={t('receipts.title')} lead={t('receipts.lead')}>
      <ReceiptCheck key={receipt} receipt={receipt} />
    </Page>
  );
}
