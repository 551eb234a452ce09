import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let firstPageOfVisit = true;

interface PageProps {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
  /** False on a screen whose first field takes the focus instead (the poll officer's form). */
  focusHeading?: boolean;
}

/**
 * A page with its heading. The heading takes focus when a navigation opens the page, so
 * screen-reader and keyboard users land on the new content, as after a full page load.
 */
export function Page({ title, lead, children, focusHeading = true }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // The first page of a visit keeps the browser's own start, so Tab reaches the skip link first.
    if (firstPageOfVisit) {
      firstPageOfVisit = false;
      return;
    }
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
