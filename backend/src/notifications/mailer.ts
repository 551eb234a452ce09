import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG, type Config } from '../config/config';

export interface Mail {
  /** The delivery's id: the Message-ID, so a mail client sees a repeat as the same message. */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** One-click unsubscribe (RFC 8058): the URL a mail client POSTs to. */
  unsubscribeUrl: string;
}

/**
 * Sends notification e-mails through SMTP_URL with nodemailer; without it (development,
 * `npm start`) writes each message to DATA_DIR/outbox as an .eml file, which the
 * development-only outbox page lists.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;
  readonly outboxDir: string | null;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    if (config.smtpUrl) {
      this.transport = nodemailer.createTransport(config.smtpUrl);
      this.outboxDir = null;
    } else {
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = join(config.dataDir, 'outbox');
      mkdirSync(this.outboxDir, { recursive: true });
    }
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@decidimos>`,
      headers: {
        'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    if (this.outboxDir) writeFileSync(join(this.outboxDir, `${mail.id}.eml`), info.message as Buffer);
  }

  /** The outbox's messages, newest first (development only). */
  outbox(): { name: string; text: string }[] {
    if (!this.outboxDir) return [];
    return readdirSync(this.outboxDir)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => ({ name, at: statSync(join(this.outboxDir!, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .map(({ name }) => ({ name, text: readFileSync(join(this.outboxDir!, name), 'utf8') }));
  }

  onModuleDestroy() {
    this.transport.close();
  }
}
