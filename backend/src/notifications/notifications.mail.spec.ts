import { createApplication } from '../app.factory';
import { ProjectionRunner } from '../projections/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { OUTBOX, type OutboxDoc } from './deliveries';
import { NotificationReactor, REACTOR_CHECKPOINT } from './notification-reactor';
import { startMailpit, type ReceivedMail, type RunningMailpit } from './testing/mailpit';

// Everything e-mail goes through a real SMTP server, Mailpit, and is read back from its HTTP API.
let mailpit: RunningMailpit;
let system: TestSystem;
let admin: Client;
let reviewer: Client;
let author: Client;
let follower: Client;
let optedOut: Client;
let editionId: string;
let proposalId: string;

const emailOf = (account: string) => `${account}@correo.example`;
const noSmtp = 'smtp://127.0.0.1:9';

/** Polls until every queued e-mail is settled (sent, failed or dropped), running the reactor's tick meanwhile. */
async function settled(apps = [system.app]): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    for (const app of apps) await app.get(NotificationReactor).tick(true);
    const store = system.app.get<ReadModelStore>(READ_MODEL_STORE);
    const pending = await store.collection<OutboxDoc>(OUTBOX).count({ state: 'pending' });
    const behind = (await store.getCheckpoint(REACTOR_CHECKPOINT)) < system.app.get(ProjectionRunner).position;
    if (pending === 0 && !behind) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('e-mails still pending');
}

const to = (mails: ReceivedMail[], account: string) => mails.filter((m) => m.to === emailOf(account));

beforeAll(async () => {
  mailpit = await startMailpit();
  // The SMTP server is unreachable at first: deliveries fail, are retried, and survive a restart.
  system = await startTestSystem({ env: { SMTP_URL: noSmtp, MAIL_FROM: 'Decidimos <avisos@decidimos.example>' } });
  ({ admin, reviewer } = await system.loginStaff());
  author = await system.login('resident-centro-1');
  follower = await system.login('resident-centro-2');
  optedOut = await system.login('resident-centro-3');
  const rules = { supports: { enabled: false, perResident: 5, threshold: 2 } };
  // Voting closes in 12 h, so its reminder is due as soon as it opens (early, by the admin).
  const hours = (n: number) => new Date(Date.now() + n * 3600 * 1000).toISOString();
  const calendar = [{ phase: 'voting' as const, startsAt: hours(1), endsAt: hours(12) }];
  editionId = await createEdition(admin, ['proposals'], editionBody({ rules, calendar }));
  proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody())).body.id;
}, 60_000);
afterAll(async () => {
  await system?.close();
  await mailpit?.stop();
});

describe('notifications by e-mail (Mailpit)', () => {
  it('opts in per channel and kind, with the address of the email claim and a language', async () => {
    const before = await author.get('/api/me/notification-settings');
    expect(before.body).toEqual({
      email: { kinds: [] },
      inApp: { kinds: ['my-proposal', 'followed-proposal', 'voting', 'my-ballot', 'followed-work'] },
      language: 'es',
      emailAddress: emailOf('resident-centro-1'),
    });
    const saved = await author.put('/api/me/notification-settings', {
      email: { kinds: ['my-proposal', 'voting', 'my-ballot'] },
      inApp: { kinds: ['my-proposal', 'voting', 'my-ballot'] },
      language: 'en',
    });
    expect(saved.body).toMatchObject({ email: { kinds: ['my-proposal', 'voting', 'my-ballot'] }, language: 'en' });
    await follower.put('/api/me/notification-settings', {
      email: { kinds: ['followed-proposal'] },
      inApp: { kinds: ['followed-proposal'] },
    });
    await optedOut.put('/api/me/notification-settings', { email: { kinds: [] }, inApp: { kinds: [] } });
    expect((await follower.put(`/api/proposals/${proposalId}/follow`)).body).toEqual({
      id: proposalId,
      following: true,
    });
    expect((await optedOut.put(`/api/proposals/${proposalId}/follow`)).status).toBe(200);
    expect((await follower.put('/api/proposals/nope/follow')).status).toBe(404);
    const bad = await author.put('/api/me/notification-settings', {
      email: { kinds: ['everything'] },
      inApp: { kinds: [] },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('retries while SMTP is down, and after a restart that replays the log sends each e-mail once, two replicas at once', async () => {
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
    const assessed = await reviewer.post(`/api/proposals/${proposalId}/assessment`, {
      feasible: true,
      cost: 500_000,
      reason: 'Viable con el catálogo municipal.',
    });
    expect(assessed.status).toBe(200);
    const reactor = system.app.get(NotificationReactor);
    await reactor.tick();
    await reactor.tick();
    const metrics = (await system.anonymous.get('/metrics')).body as string;
    expect(metrics).toMatch(/decidimos_notifications_failed_total\{channel="email"\} [1-9]/);
    expect(await mailpit.messages()).toEqual([]);

    // A crash before the checkpoint was saved: the next start replays every event since the first.
    await system.app.get<ReadModelStore>(READ_MODEL_STORE).setCheckpoint(REACTOR_CHECKPOINT, 1);
    system.config.smtpUrl = mailpit.smtpUrl;
    await system.restart();
    const replica = await createApplication(system.config);
    await replica.init();
    try {
      await settled([system.app, replica]);
    } finally {
      await replica.close();
    }
    const mails = await mailpit.messages();
    expect(to(mails, 'resident-centro-1').map((m) => m.subject)).toEqual([
      'Your proposal "Luminarias en la Alameda" was assessed',
    ]);
    expect(to(mails, 'resident-centro-1')[0]!.text).toContain('Reason: Viable con el catálogo municipal.');
    expect(to(mails, 'resident-centro-2').map((m) => m.subject)).toEqual([
      '«Luminarias en la Alameda» ahora está viable',
    ]);
    expect(to(mails, 'resident-centro-3')).toEqual([]);
    expect(mails).toHaveLength(2);
  });

  it('shows the same notices in the app, newest first with an unread count, and marks them read', async () => {
    const mine = await author.get('/api/me/notifications');
    expect(mine.body.unread).toBe(1);
    expect(mine.body.items[0]).toMatchObject({ kind: 'my-proposal', subject: 'proposal-assessed', read: false });
    const read = await author.post('/api/me/notifications/read', { all: true });
    expect(read.body).toEqual({ unread: 0 });
    expect((await optedOut.get('/api/me/notifications')).body).toEqual({ items: [], unread: 0 });
    expect((await system.anonymous.get('/api/me/notifications')).status).toBe(401);
  });

  it('unsubscribes with the one-click link of the e-mail, without login (RFC 8058)', async () => {
    const [mail] = to(await mailpit.messages(), 'resident-centro-2');
    expect(mail!.headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
    const link = /^<(.+)>$/.exec(mail!.headers['List-Unsubscribe']![0]!)![1]!;
    const path = new URL(link).pathname + new URL(link).search;
    const forged = await fetch(new URL(path.replace(/.$/, 'x'), system.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const oneClick = await fetch(new URL(path, system.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toEqual({ kind: 'followed-proposal', unsubscribed: true });
    expect((await follower.get('/api/me/notification-settings')).body.email.kinds).toEqual([]);
  });

  it('tells the author whether it reached the ballot, opens voting, reminds them a day before the close, and records the ballot with its receipt', async () => {
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'voting' });
    await settled();
    const cast = await author.post(`/api/processes/${editionId}/ballot`, { selections: [proposalId] });
    expect(cast.status).toBe(201);
    await settled();
    const mails = to(await mailpit.messages(), 'resident-centro-1').map((m) => m.subject);
    // The reminder's tick and the reactor run side by side, so arrival order is not fixed.
    expect(mails.sort()).toEqual(
      [
        'Your proposal "Luminarias en la Alameda" was assessed',
        'Your proposal "Luminarias en la Alameda" is on the ballot',
        'You can now vote in "Presupuesto Participativo 2027"',
        'One day left to vote in "Presupuesto Participativo 2027"',
        'Your ballot was recorded',
      ].sort(),
    );
    const recorded = to(await mailpit.messages(), 'resident-centro-1').find(
      (m) => m.subject === 'Your ballot was recorded',
    )!;
    expect(recorded.text).toContain(cast.body.receipt);
    // The follower unsubscribed from e-mail: the status change reached the app only.
    expect(to(await mailpit.messages(), 'resident-centro-2')).toHaveLength(1);
    expect((await follower.get('/api/me/notifications')).body.items[0]).toMatchObject({
      subject: 'proposal-status',
      params: { status: 'on-ballot' },
    });
  });

  it('reminds an opted-in resident who has not voted, once, and nobody who has', async () => {
    const late = await system.login('resident-centro-4');
    const voted = await system.login('resident-centro-5');
    expect((await voted.post(`/api/processes/${editionId}/ballot`, { selections: [] })).status).toBe(201);
    for (const resident of [late, voted]) {
      await resident.put('/api/me/notification-settings', {
        email: { kinds: ['voting'] },
        inApp: { kinds: ['voting'] },
      });
    }
    await settled();
    await settled();
    const reminder = 'Queda un día para votar en «Presupuesto Participativo 2027»';
    expect(to(await mailpit.messages(), 'resident-centro-4').map((m) => m.subject)).toEqual([reminder]);
    expect(to(await mailpit.messages(), 'resident-centro-5')).toEqual([]);
  });

  it('tells a voter, as a security notice, that a new ballot replaced theirs', async () => {
    const revote = await author.post(`/api/processes/${editionId}/ballot`, { selections: [] });
    expect(revote.status).toBe(200);
    await settled();
    const last = to(await mailpit.messages(), 'resident-centro-1').at(-1)!;
    expect(last.subject).toBe('Security notice: your ballot was replaced');
    expect(last.text).toContain(revote.body.receipt);
  });

  it('tells the author their proposal was selected, and a follower of its work of each update', async () => {
    const supporter = await system.login('resident-centro-6');
    expect((await supporter.post(`/api/processes/${editionId}/ballot`, { selections: [proposalId] })).status).toBe(201);
    await follower.put('/api/me/notification-settings', {
      email: { kinds: ['followed-work'] },
      inApp: { kinds: ['followed-proposal', 'followed-work'] },
    });
    expect((await follower.put(`/api/works/${proposalId}/follow`)).status).toBe(404);
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'counting' });
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'results' });
    expect((await follower.put(`/api/works/${proposalId}/follow`)).body).toEqual({ id: proposalId, following: true });
    expect((await follower.get('/api/me/follows')).body).toEqual({ proposals: [proposalId], works: [proposalId] });
    await admin.post('/api/roles/grant', { subject: 'implementer', role: 'implementer' });
    const implementer = await system.login('implementer');
    const updated = await implementer.post(`/api/works/${proposalId}/updates`, { status: 'design', progress: 10 });
    expect(updated.status).toBe(201);
    await settled();
    const [work] = to(await mailpit.messages(), 'resident-centro-2').slice(-1);
    expect(work!.subject).toBe('Novedades de la obra «Luminarias en la Alameda»');
    expect(work!.text).toContain('Estado: en diseño');
    expect(work!.text).toContain('Avance: 10 %');
    expect(to(await mailpit.messages(), 'resident-centro-1').at(-1)!.subject).toBe(
      '"Luminarias en la Alameda" is now selected',
    );
  });

  it('erases everything notifications keep about a resident', async () => {
    expect((await author.delete('/api/me/notification-settings')).status).toBe(204);
    expect((await author.get('/api/me/notifications')).body).toEqual({ items: [], unread: 0 });
    expect((await author.get('/api/me/follows')).body).toEqual({ proposals: [], works: [] });
  });
});
