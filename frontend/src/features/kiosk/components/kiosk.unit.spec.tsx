import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { encode } from 'uqr';
import { anEdition, answer, requested, server } from '../../../testing/api';
import { renderWithApp } from '../../../testing/render';
import { Kiosk, KIOSK_IDLE_MS, KIOSK_WARNING_MS, type KioskBallotProps } from './kiosk';

const edition = anEdition({ phase: 'voting' });
const resident = { displayName: 'Residente', roles: ['resident'], district: 'centro', eligible: true, csrfToken: 'c' };

/** Stands in for the voting feature's ballot screens: casting answers a receipt. */
function Ballot({ onCast }: KioskBallotProps) {
  return (
    <button type="button" onClick={() => onCast('b-1.abc')}>
      Votar
    </button>
  );
}

let loggedOut: number;
beforeEach(() => {
  loggedOut = 0;
  server.use(
    http.post('/auth/logout', () => {
      loggedOut++;
      return HttpResponse.json({ loggedOut: true, endSessionUrl: null });
    }),
  );
});
afterEach(() => jest.useRealTimers());

/**
 * Fakes only the clock and the interval the countdown ticks on: the requests the page
 * makes (MSW, fetch) keep their own timers.
 */
const fakeClock = () =>
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
    ],
  });

/** The kiosk with a resident logged in, and what the person left on the device meanwhile. */
async function loggedIn() {
  server.use(answer.me(resident));
  const restart = jest.fn();
  renderWithApp(<Kiosk edition={edition} Ballot={Ballot} restart={restart} />);
  expect(await screen.findByRole('button', { name: 'Votar' })).toBeInTheDocument();
  localStorage.setItem('decidimos.ballot-draft.pp-2027', '{"selection":["p1"]}');
  sessionStorage.setItem('something', 'of theirs');
  return restart;
}

const idleFor = (ms: number) => act(() => jest.advanceTimersByTime(ms));

describe('the kiosk', () => {
  it('shows a countdown before the idle limit, then ends the session and leaves an empty browser', async () => {
    fakeClock();
    const restart = await loggedIn();
    await idleFor(KIOSK_IDLE_MS - KIOSK_WARNING_MS - 1_000);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    await idleFor(1_000);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Tu sesión se cerrará en 20 segundos.');
    await idleFor(KIOSK_WARNING_MS - 1_000);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('Tu sesión se cerrará en 1 segundo.');
    await idleFor(1_000);
    await screen.findByText('Cerrando tu sesión…');
    await waitFor(() => expect(restart).toHaveBeenCalledTimes(1));
    expect(loggedOut).toBe(1);
    expect(requested).toContain('/auth/logout');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('starts counting again at any touch or key, and at “Sigo aquí”', async () => {
    fakeClock();
    const restart = await loggedIn();
    await idleFor(KIOSK_IDLE_MS - 5_000);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('5 segundos');
    fireEvent.pointerDown(window);
    await idleFor(1_000);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    await idleFor(KIOSK_IDLE_MS - 5_000);
    fireEvent.keyDown(window, { key: 'Tab' });
    await idleFor(KIOSK_IDLE_MS - 5_000);
    fireEvent.click(screen.getByRole('button', { name: 'Sigo aquí' }));
    await idleFor(KIOSK_IDLE_MS - KIOSK_WARNING_MS - 1_000);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    expect(restart).not.toHaveBeenCalled();
    expect(loggedOut).toBe(0);
  });

  it('shows the receipt as a QR code of its check page, and ends the session when the resident finishes', async () => {
    const restart = await loggedIn();
    fireEvent.click(screen.getByRole('button', { name: 'Votar' }));
    expect(await screen.findByRole('heading', { name: 'Tu voto quedó registrado' })).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: 'Código QR de tu comprobante' });
    // The code encodes the receipt's check page, which a phone's camera opens.
    const { data, size } = encode(`${window.location.origin}/receipts/b-1.abc`, { ecc: 'M', border: 2 });
    expect(qr.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
    const dark = data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
    expect(qr.querySelector('path')!.getAttribute('d')).toBe(dark);
    expect(screen.getByTestId('receipt-code')).toHaveTextContent('b-1.abc');
    fireEvent.click(screen.getByRole('button', { name: 'Terminar y cerrar mi sesión' }));
    await screen.findByText('Cerrando tu sesión…');
    await waitFor(() => expect(restart).toHaveBeenCalledTimes(1));
    expect(loggedOut).toBe(1);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('asks whoever comes to log in with iD Digital asking again, back to the kiosk, and counts nothing down meanwhile', async () => {
    fakeClock();
    server.use(answer.me(null));
    renderWithApp(<Kiosk edition={edition} Ballot={Ballot} restart={jest.fn()} />);
    const login = await screen.findByRole('link', { name: 'Entrar con iD Digital' });
    const url = new URL(login.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/auth/login');
    expect(url.searchParams.get('prompt')).toBe('login');
    expect(url.searchParams.get('returnTo')).toBe('/editions/pp-2027?kiosk=1');
    await idleFor(2 * KIOSK_IDLE_MS);
    expect(screen.queryByTestId('idle-countdown')).toBeNull();
    expect(loggedOut).toBe(0);
  });

  it('lets an officer end their own session to hand the tablet over', async () => {
    server.use(answer.me({ ...resident, roles: ['resident', 'poll-officer'] }));
    const restart = jest.fn();
    renderWithApp(<Kiosk edition={edition} Ballot={Ballot} restart={restart} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cerrar mi sesión y empezar el modo kiosco' }));
    await screen.findByText('Cerrando tu sesión…');
    await waitFor(() => expect(restart).toHaveBeenCalledTimes(1));
    expect(loggedOut).toBe(1);
  });
});
