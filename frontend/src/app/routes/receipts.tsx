import { useParams } from 'react-router';
import { Page } from '../../components/page';
import { ReceiptCheck } from '../../features/audit/components/receipt-check';
import { useReceiptsT } from '../../lib/i18n/receipts';

export function ReceiptsRoute() {
  const tr = useReceiptsT();
  const { receipt = '' } = useParams();
  return (
    <Page title={tr('title')} lead={tr('lead')}>
      <ReceiptCheck key={receipt} receipt={receipt} />
    </Page>
  );
}
