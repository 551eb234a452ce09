import { deliveryId } from './deliveries';
import { renderMail } from './templates';

describe('notification e-mails', () => {
  it('speak the resident’s language and end with the unsubscribe link', () => {
    const params = { editionId: 'e', proposalTitle: 'Luminarias', status: 'on-ballot' as const };
    const es = renderMail('proposal-status', params, 'es', 'https://x/u?token=t');
    const en = renderMail('proposal-status', params, 'en', 'https://x/u?token=t');
    expect(es.subject).toBe('«Luminarias» ahora está en la boleta');
    expect(en.subject).toBe('"Luminarias" is now on the ballot');
    expect(es.text).toMatch(/Para dejar de recibirlos: https:\/\/x\/u\?token=t$/);
    expect(en.text).toMatch(/To stop them: https:\/\/x\/u\?token=t$/);
  });

  it('carry the receipt of a recorded or replacing ballot, never its selections', () => {
    const params = { editionId: 'e', editionTitle: 'PP 2027', receipt: 'b1.abc', channel: 'assisted' as const };
    const replaced = renderMail('ballot-replaced', params, 'es', 'l');
    expect(replaced.subject).toBe('Aviso de seguridad: tu voto fue reemplazado');
    expect(replaced.text).toContain('en una mesa de votación');
    expect(replaced.text).toContain('b1.abc');
  });
});

describe('delivery ids', () => {
  it('are the same for the same cause, recipient and channel, and differ otherwise', () => {
    const id = deliveryId('event-1', 'ballot-recorded', 'subject-1', 'email');
    expect(deliveryId('event-1', 'ballot-recorded', 'subject-1', 'email')).toBe(id);
    expect(deliveryId('event-1', 'ballot-recorded', 'subject-1', 'inApp')).not.toBe(id);
    expect(deliveryId('event-1', 'ballot-recorded', 'subject-2', 'email')).not.toBe(id);
    expect(deliveryId('event-2', 'ballot-recorded', 'subject-1', 'email')).not.toBe(id);
  });
});
