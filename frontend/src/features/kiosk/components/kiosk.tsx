import type { EditionView } from '@decidimos/contracts/api/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useMe } from '../../../lib/api/get-me';
import { paths } from '../../../lib/paths';
import { endKioskSession } from '../end-session';
import { useIdleCountdown } from '../hooks/use-idle-countdown';
import { useKioskT } from '../strings';
import { ReceiptQr } from './receipt-qr';
import '../kiosk.css';

/** Without a touch for this long, the person's session ends by itself. */
export const KIOSK_IDLE_MS = 90_000;
/** For this long before that, a countdown says so. */
export const KIOSK_WARNING_MS = 20_000;

/** What the kiosk needs of a ballot screen: the voting feature's, composed by the app. */
export interface KioskBallotProps {
  edition: EditionView;
  district: string;
  budget: number;
  /** The ballot is cast (or was, and cannot change): show its receipt. */
  onCast: (receipt: string) => void;
}

interface KioskProps {
  edition: EditionView;
  Ballot: ComponentType<KioskBallotProps>;
  /** After a session ends: start again from the welcome screen, with nothing of the person in memory. */
  restart?: () => void;
}

/** The kiosk of an edition: its own address, the edition's page with `?kiosk=1`. */
export const kioskPath = (editionId: string) => `${paths.edition(editionId)}?kiosk=1`;

/**
 * A booth's shared tablet: one task per screen in large text. The resident logs in with
 * their own iD Digital (asked again even if the provider remembers the previous person),
 * votes, photographs the receipt's QR code, and the session ends when they finish or after
 * 90 s idle, leaving nothing of theirs in the browser.
 */
export function Kiosk({ edition, Ballot, restart = () => window.location.replace(kioskPath(edition.id)) }: KioskProps) {
  const t = useKioskT();
  const me = useMe();
  const queryClient = useQueryClient();
  const [receipt, setReceipt] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  useLeaveNothingOpen(edition.id);

  const end = () => {
    if (ending) return;
    setEnding(true);
    void endKioskSession(queryClient).then(restart);
  };
  const countdown = useIdleCountdown({
    active: Boolean(me.data) && !ending,
    timeoutMs: KIOSK_IDLE_MS,
    warnMs: KIOSK_WARNING_MS,
    onIdle: end,
  });

  let screen;
  if (ending) screen = <Loading label={t('ending')} />;
  else if (me.error) screen = <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  else if (me.isPending) screen = <Loading />;
  else if (!me.data) {
    screen = (
      <Screen title={t('title')} lead={t('welcome')}>
        <a className="button" href={kioskLoginUrl(edition.id)}>
          {t('login')}
        </a>
      </Screen>
    );
  } else if (me.data.roles.some((role) => role !== 'resident')) {
    screen = (
      <Screen title={t('staffTitle')} lead={t('staffLead')}>
        <button type="button" className="button" onClick={end}>
          {t('startKiosk')}
        </button>
      </Screen>
    );
  } else if (receipt) {
    screen = (
      <Screen title={t('receiptTitle')} lead={t('receiptLead')}>
        <ReceiptQr value={`${window.location.origin}${paths.receipts(receipt)}`} label={t('receiptQr')} />
        <p className="kiosk-receipt-code">
          {t('receiptCode')}: <span data-testid="receipt-code">{receipt}</span>
        </p>
        <Finish onFinish={end} />
      </Screen>
    );
  } else {
    const district = edition.districts.find((d) => d.id === me.data?.district);
    const refusal =
      edition.phase !== 'voting' ? t('notVoting') : !me.data.eligible || !district ? t('notEligible') : null;
    screen =
      refusal || !district ? (
        <Screen title={t('title')} lead={refusal}>
          <Finish onFinish={end} />
        </Screen>
      ) : (
        <Screen title={t('ballotTitle')}>
          <Ballot edition={edition} district={district.id} budget={district.budget} onCast={setReceipt} />
          <Finish onFinish={end} secondary />
        </Screen>
      );
  }

  return (
    <div className="kiosk" data-testid="kiosk">
      {screen}
      {countdown.secondsLeft !== null ? (
        <div className="kiosk-idle" role="alertdialog" aria-labelledby="kiosk-idle-title" aria-live="assertive">
          <h2 id="kiosk-idle-title">{t('idleTitle')}</h2>
          <p data-testid="idle-countdown">{t('idleCountdown', { count: countdown.secondsLeft })}</p>
          <button type="button" className="button" onClick={countdown.stillHere}>
            {t('stay')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Screen({ title, lead, children }: { title: string; lead?: string | null; children?: ReactNode }) {
  return (
    <section className="kiosk-screen" aria-labelledby="kiosk-title">
      <h1 id="kiosk-title">{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </section>
  );
}

function Finish({ onFinish, secondary = false }: { onFinish: () => void; secondary?: boolean }) {
  const t = useKioskT();
  return (
    <p className="kiosk-finish">
      <button type="button" className={secondary ? 'button secondary' : 'button'} onClick={onFinish}>
        {t('finish')}
      </button>
    </p>
  );
}

/** The login, back to the kiosk, with iD Digital asking who logs in even if it remembers the previous person. */
function kioskLoginUrl(editionId: string): string {
  return `/auth/login?${new URLSearchParams({ returnTo: kioskPath(editionId), prompt: 'login' }).toString()}`;
}

/**
 * One task per screen, and the tablet never wanders off: a link that would leave the kiosk
 * (a proposal's page, the site's menus) does nothing, so no page of the person's stays open
 * where the idle countdown does not run.
 */
function useLeaveNothingOpen(editionId: string) {
  useEffect(() => {
    const kiosk = kioskPath(editionId);
    const stay = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link) return;
      const url = new URL((link as HTMLAnchorElement).href, window.location.href);
      const allowed =
        url.origin === window.location.origin &&
        (url.pathname.startsWith('/auth/') || `${url.pathname}${url.search}` === kiosk);
      if (!allowed) event.preventDefault();
    };
    document.addEventListener('click', stay, { capture: true });
    return () => document.removeEventListener('click', stay, { capture: true });
  }, [editionId]);
}
