import type { ProposalView } from '@decidimos/contracts/api/schemas';
import { useModerationT } from '../../../lib/i18n/moderation';

/** On a proposal's public page: that moderators hid it or erased text from it, and their public reasons. */
export function ModerationNotice({ proposal }: { proposal: ProposalView }) {
  const t = useModerationT();
  const { hidden, redactions } = proposal.moderation;
  if (!hidden && redactions.length === 0) return null;
  return (
    <>
      {hidden ? (
        <div className="alert alert-warning" role="note">
          <p className="alert-title">{t('notice.hidden')}</p>
          <p>{t('notice.hiddenLead', { reason: hidden.reason })}</p>
        </div>
      ) : null}
      {redactions.length > 0 ? (
        <div className="alert" role="note">
          <p className="alert-title">{t('notice.redacted')}</p>
          <ul>
            {redactions.map((redaction) => (
              <li key={`${redaction.at}-${redaction.fields.join()}`}>
                {t('notice.redaction', {
                  fields: redaction.fields.map((field) => t(`notice.fields.${field}`)).join(', '),
                  reason: redaction.reason,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
