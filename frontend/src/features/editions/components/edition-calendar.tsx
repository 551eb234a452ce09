import type { EditionView } from '@decidimos/contracts/api/schemas';
import { PHASES, type Phase } from '@decidimos/contracts/editions/phases';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

/** The phases of the edition in order, with when each started or is planned to. */
export function EditionCalendar({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phases = PHASES.filter((p) => p !== 'supports' || edition.rules.supports.enabled);
  const started = new Map<Phase, string>(edition.phaseHistory.map((h) => [h.phase, h.at]));
  const currentIndex = phases.indexOf(edition.phase);
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('edition.calendar')}</h2>
      {edition.calendarReason ? (
        <p className="alert alert-info">{t('edition.calendarMoved', { reason: edition.calendarReason })}</p>
      ) : null}
      <ol className="timeline">
        {phases.map((phase, index) => {
          const at = started.get(phase);
          const planned = edition.calendar[phase];
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
          return (
            <li key={phase} className={`timeline-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="timeline-phase">{t(`phase.${phase}`)}</span>
              <span className="timeline-when">
                {state === 'current' ? `${t('edition.now')} · ` : ''}
                {at
                  ? t('edition.startedOn', { date: format.date(at) })
                  : planned
                    ? t('edition.plannedFor', { date: format.date(planned) })
                    : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
