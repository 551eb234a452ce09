import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { paths } from '../../../lib/paths';

interface ReceiptCardProps {
  editionTitle: string;
  receipt: string;
  castAt?: string | undefined;
}

/** The receipt to keep: shown large, with ways to print, download or copy it. */
export function ReceiptCard({ editionTitle, receipt, castAt }: ReceiptCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [copied, setCopied] = useState(false);

  function download() {
    const lines = [
      editionTitle,
      `${t('receipt.label')}: ${receipt}`,
      castAt ? format.dateTime(castAt) : '',
      `${window.location.origin}/receipts/${receipt}`,
    ];
    const url = URL.createObjectURL(new Blob([lines.filter(Boolean).join('\n') + '\n'], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `decidimos-${t('receipt.fileName')}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="receipt">
      <p className="receipt-label">{t('receipt.label')}</p>
      <p className="receipt-code" data-testid="receipt-code">
        {receipt}
      </p>
      {castAt ? <p className="hint">{t('receipt.castAt', { when: format.dateTime(castAt) })}</p> : null}
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <button type="button" className="button secondary" onClick={download}>
          {t('receipt.download')}
        </button>
        <button type="button" className="button secondary" onClick={() => void copy()}>
          {t('receipt.copy')}
        </button>
        <Link className="button secondary" to={paths.receipts(receipt)}>
          {t('receipt.check')}
        </Link>
      </div>
      <p role="status" className="hint">
        {copied ? t('receipt.copied') : ''}
      </p>
    </div>
  );
}
