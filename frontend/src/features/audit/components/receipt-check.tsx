import { parseReceipt } from '@decidimos/contracts/events/public-event';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { useReceiptProof } from '../api/get-receipt-proof';
import { verifyReceipt } from '../verify';

/** Type or paste a receipt; the page address keeps it, so a saved link checks again later. */
export function ReceiptCheck({ receipt }: { receipt: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(receipt);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!parseReceipt(value)) {
      setError(t('receipts.malformed'));
      return;
    }
    setError(undefined);
    void navigate(`/receipts/${encodeURIComponent(value)}`);
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="receipt-input"
          label={t('receipts.label')}
          hint={t('receipts.hint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('receipts.check')}
          </button>
        </div>
      </form>
      {receipt && parseReceipt(receipt) ? <ReceiptResult key={receipt} receipt={receipt} /> : null}
    </>
  );
}

function ReceiptResult({ receipt }: { receipt: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const proof = useReceiptProof(receipt);
  if (proof.isPending) return <Loading label={t('receipts.checking')} />;
  if (proof.error) {
    if (proof.error instanceof ApiError && proof.error.status === 404) {
      return (
        <section className="alert alert-info" data-state="unavailable" aria-labelledby="receipt-result">
          <h2 id="receipt-result" className="alert-title">
            {t('receipts.unavailableTitle')}
          </h2>
          <p>{t('receipts.unavailable')}</p>
          <p>{t('receipts.unavailableNext')}</p>
        </section>
      );
    }
    return <ProblemAlert error={proof.error} onRetry={() => void proof.refetch()} />;
  }
  const verdict = verifyReceipt(receipt, proof.data);
  const head = proof.data.treeHead;
  if (verdict === 'verified') {
    return (
      <section className="alert alert-success" data-state="verified" aria-labelledby="receipt-result">
        <h2 id="receipt-result" className="alert-title">
          {t('receipts.verifiedTitle')}
        </h2>
        <p>
          {t('receipts.verified', {
            position: format.number(proof.data.leafIndex + 1),
            size: format.number(head.treeSize),
            when: format.dateTime(head.timestamp),
          })}
        </p>
        <p className="hint">{t('receipts.verifiedHow')}</p>
      </section>
    );
  }
  return (
    <section className="alert alert-error" data-state="failed" aria-labelledby="receipt-result">
      <h2 id="receipt-result" className="alert-title">
        {t('receipts.failedTitle')}
      </h2>
      <p>{t(verdict === 'leaf-mismatch' ? 'receipts.leafMismatch' : 'receipts.proofFails')}</p>
      <p>{t('receipts.failedNext')}</p>
    </section>
  );
}
