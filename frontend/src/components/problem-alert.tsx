import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiError, NetworkError } from '../lib/api-client';
import { loginUrl } from '../lib/login';

interface ProblemAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** What advice fits a problem: by its code first, then by its status. */
function adviceKey(error: unknown): string {
  if (error instanceof NetworkError) return 'problem.advice.network';
  if (!(error instanceof ApiError)) return 'problem.advice.unknown';
  if (error.code === 'CSRF') return 'problem.advice.reload';
  if (error.status === 401) return 'problem.advice.login';
  if (error.status === 403) return 'problem.advice.forbidden';
  if (error.status === 404) return 'problem.advice.notFound';
  if (error.status === 409) return 'problem.advice.conflict';
  if (error.status === 400 || error.status === 422) return 'problem.advice.fix';
  if (error.status === 429) return 'problem.advice.wait';
  return 'problem.advice.later';
}

/** Every failing request says what happened and what to do next. */
export function ProblemAlert({ error, onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const known = error instanceof ApiError ? error : null;
  const title = known
    ? t(`problems:${known.code}.title`, { defaultValue: known.problem.title || t('problem.title') })
    : error instanceof NetworkError
      ? t('problem.networkTitle')
      : t('problem.title');
  const detail = known?.problem.detail || (error instanceof NetworkError ? t('problem.networkDetail') : '');
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{title}</p>
      {detail ? <p>{detail}</p> : null}
      <p>{t(adviceKey(error))}</p>
      <div className="actions">
        {known?.status === 401 ? (
          <a className="button" href={loginUrl(location.pathname + location.search)}>
            {t('auth.login')}
          </a>
        ) : null}
        {onRetry ? (
          <button type="button" className="button secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
