import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A Mailpit process (built by scripts/install-mailpit.sh): an SMTP server whose HTTP API shows what it received. */
export interface RunningMailpit {
  smtpUrl: string;
  /** Every message received so far, oldest first, with its text and headers. */
  messages(): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string[]>;
}

const binary = join(__dirname, '..', '..', '..', '..', '.tools', 'bin', 'mailpit');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMailpit(): Promise<RunningMailpit> {
  if (!existsSync(binary))
    throw new Error(`no Mailpit at ${binary}: run scripts/install-mailpit.sh (npm run test:mail does)`);
  const [smtp, http] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    binary,
    ['--smtp', `127.0.0.1:${smtp}`, '--listen', `127.0.0.1:${http}`, '--quiet'],
    {
      stdio: 'ignore',
    },
  );
  const api = `http://127.0.0.1:${http}/api/v1`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${api}/info`)).ok) break;
    } catch {
      if (tries > 200) throw new Error('Mailpit did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    async messages() {
      const list = (await (await fetch(`${api}/messages?limit=1000`)).json()) as {
        messages: { ID: string; Subject: string; To: { Address: string }[] }[];
      };
      const mails: ReceivedMail[] = [];
      for (const summary of list.messages.reverse()) {
        const message = (await (await fetch(`${api}/message/${summary.ID}`)).json()) as { Text: string };
        const headers = (await (await fetch(`${api}/message/${summary.ID}/headers`)).json()) as Record<
          string,
          string[]
        >;
        mails.push({ to: summary.To[0]!.Address, subject: summary.Subject, text: message.Text, headers });
      }
      return mails;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
