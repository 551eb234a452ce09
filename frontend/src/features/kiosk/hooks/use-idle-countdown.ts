import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

interface IdleCountdown {
  /** Whether anyone is being watched (a person is logged in). */
  active: boolean;
  /** Without activity for this long, `onIdle` runs. */
  timeoutMs: number;
  /** For this long before that, the countdown is shown. */
  warnMs: number;
  onIdle: () => void;
}

/**
 * Counts down while nobody touches the screen: the seconds left during the last `warnMs`
 * (null before), and `onIdle` once when time is up. Any touch, click, key or scroll starts
 * the count again.
 */
export function useIdleCountdown({ active, timeoutMs, warnMs, onIdle }: IdleCountdown) {
  const lastActivity = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const idle = useRef(onIdle);
  idle.current = onIdle;

  const stillHere = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) return;
    stillHere();
    let fired = false;
    const tick = () => {
      const left = timeoutMs - (Date.now() - lastActivity.current);
      if (left <= 0) {
        if (!fired) {
          fired = true;
          idle.current();
        }
        return;
      }
      setSecondsLeft(left <= warnMs ? Math.ceil(left / 1000) : null);
    };
    const timer = window.setInterval(tick, 1000);
    for (const type of ACTIVITY) window.addEventListener(type, stillHere, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, stillHere, { capture: true });
    };
  }, [active, timeoutMs, warnMs, stillHere]);

  return { secondsLeft: active ? secondsLeft : null, stillHere };
}
