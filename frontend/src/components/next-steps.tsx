import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface NextStepsProps {
  title: string;
  children: ReactNode;
}

/** The confirmation after an action, with what happens next; focused so it is read out at once. */
export function NextSteps({ title, children }: NextStepsProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <section ref={box} tabIndex={-1} className="alert alert-success" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title" className="alert-title">
        {title}
      </h2>
      <p className="next-label">{t('common.whatNext')}</p>
      {children}
    </section>
  );
}
