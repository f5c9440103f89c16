import nodemailer from 'nodemailer';

/** One message as a transport sends it; the id becomes its Message-ID. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** Where the delivery worker hands messages; a rejection means "try again later". */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const DEFAULT_FROM = 'Mainstay <mainstay@localhost>';

/**
 * SMTP through nodemailer, from a URL such as `smtp://user:pass@host:587` (STARTTLS
 * when the server offers it) or `smtps://…` (TLS from the start). Timeouts are short
 * because the worker sends one message at a time: a silent server must not hold the
 * batch past its lease (see deliver.ts).
 */
export function smtpTransport(url: string, from = DEFAULT_FROM): MailTransport {
  const transporter = nodemailer.createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  // The same Message-ID on every attempt: a receiver can recognise a message that a
  // crash between sending and recording made us send twice.
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'mainstay.invalid';
  return {
    async send(mail) {
      await transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html !== undefined ? { html: mail.html } : {}),
        attachments: mail.attachments,
        messageId: `<${mail.id}@${domain}>`,
      });
    },
    close: () => transporter.close(),
  };
}
