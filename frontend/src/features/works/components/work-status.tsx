import type { WorkStatus } from '@decidimos/contracts/works/work-status';
import { useWorksT } from '../i18n';

export function WorkStatusBadge({ status }: { status: WorkStatus }) {
  const t = useWorksT();
  return <span className={`badge work-${status}`}>{t(`status.${status}`)}</span>;
}

/** How far a work has come: a bar, with its figure for screen readers in the bar's own value. */
export function WorkProgressBar({ progress, label }: { progress: number; label: string }) {
  return (
    <div className="work-progress">
      <div
        className="budget-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        aria-valuetext={`${progress} %`}
      >
        <div className="budget-fill" style={{ width: `${progress}%` }} />
      </div>
      <span aria-hidden="true">{progress} %</span>
    </div>
  );
}

/** A calendar date (YYYY-MM-DD) at noon UTC, so Monterrey's offset never moves it to the day before. */
export const calendarDay = (date: string) => `${date}T12:00:00.000Z`;
