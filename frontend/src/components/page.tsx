import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  /** False on a screen whose first field takes the focus instead (the poll officer's form). */
  focusHeading?: boolean;
}

/**
 * A page with its heading. The heading takes focus when the page opens, so screen-reader
 * and keyboard users land on the new content after a navigation, as on a full page load.
 */
export function Page({ title, lead, children, focusHeading = true }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (focusHeading) heading.current?.focus({ preventScroll: false });
  }, [focusHeading]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
