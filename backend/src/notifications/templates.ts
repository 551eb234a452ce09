import { statusWords, type Language, type NotificationParams, type NotificationSubject } from '@decidimos/contracts';

export interface RenderedMail {
  subject: string;
  text: string;
}

type Template = (p: NotificationParams) => RenderedMail;

const statusEs = statusWords.es.proposal;
const statusEn = statusWords.en.proposal;
const workStatusEs = statusWords.es.work;
const workStatusEn = statusWords.en.work;
const workLines = (p: NotificationParams, words: Record<string, string>, labels: string[]) =>
  [
    p.workStatus ? `${labels[0]}: ${words[p.workStatus]}` : null,
    p.progress !== undefined ? `${labels[1]}: ${p.progress} %` : null,
    p.milestoneTitle ? `${labels[2]}: ${p.milestoneTitle}` : null,
    p.reason ? `${labels[3]}: ${p.reason}` : null,
  ]
    .filter(Boolean)
    .join('\n');
const when = (locale: string) => (iso: string | undefined) =>
  iso
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Monterrey' }).format(
        new Date(iso),
      )
    : '';
const whenEs = when('es-MX');
const whenEn = when('en-US');
const channelEs = { online: 'en línea', assisted: 'en una mesa de votación' };
const channelEn = { online: 'online', assisted: 'at a voting booth' };

const es: Record<NotificationSubject, Template> = {
  'work-updated': (p) => ({
    subject: `Novedades de la obra «${p.proposalTitle}»`,
    text: `La obra «${p.proposalTitle}» se actualizó.\n${workLines(p, workStatusEs, ['Estado', 'Avance', 'Hito', 'Motivo'])}`,
  }),
  'proposal-assessed': (p) => ({
    subject: `Tu propuesta «${p.proposalTitle}» fue evaluada`,
    text: `El comité evaluó tu propuesta «${p.proposalTitle}»: ${p.feasible ? 'es viable' : 'no es viable'}.\nMotivo: ${p.reason}`,
  }),
  'proposal-ballot': (p) => ({
    subject: `Tu propuesta «${p.proposalTitle}» ${p.status === 'on-ballot' ? 'está en la boleta' : 'no llegó a la boleta'}`,
    text:
      p.status === 'on-ballot'
        ? `Se abrió la votación y tu propuesta «${p.proposalTitle}» está en la boleta.`
        : `Se abrió la votación; tu propuesta «${p.proposalTitle}» no reunió los apoyos para llegar a la boleta.`,
  }),
  'proposal-status': (p) => ({
    subject: `«${p.proposalTitle}» ahora está ${statusEs[p.status ?? ''] ?? p.status}`,
    text: `La propuesta «${p.proposalTitle}» cambió de estado: ${statusEs[p.status ?? ''] ?? p.status}.${p.reason ? `\nMotivo: ${p.reason}` : ''}`,
  }),
  'voting-opened': (p) => ({
    subject: `Ya puedes votar en «${p.editionTitle}»`,
    text: `Se abrió la votación de «${p.editionTitle}» en tu distrito.${p.votingEndsAt ? ` Cierra el ${whenEs(p.votingEndsAt)}.` : ''}`,
  }),
  'voting-reminder': (p) => ({
    subject: `Queda un día para votar en «${p.editionTitle}»`,
    text: `La votación de «${p.editionTitle}» cierra el ${whenEs(p.votingEndsAt)}. Aún puedes votar.`,
  }),
  'ballot-recorded': (p) => ({
    subject: 'Tu voto quedó registrado',
    text: `Registramos tu voto ${channelEs[p.channel ?? 'online']} en «${p.editionTitle}».\nTu comprobante: ${p.receipt}\nCon él puedes comprobar que tu voto se contó.`,
  }),
  'ballot-replaced': (p) => ({
    subject: 'Aviso de seguridad: tu voto fue reemplazado',
    text: `Se registró un nuevo voto ${channelEs[p.channel ?? 'online']} que reemplaza al anterior en «${p.editionTitle}».\nComprobante del voto que cuenta ahora: ${p.receipt}\nSi no fuiste tú, vuelve a votar antes del cierre y avisa a la oficina de participación.`,
  }),
};

const en: Record<NotificationSubject, Template> = {
  'work-updated': (p) => ({
    subject: `News of the work "${p.proposalTitle}"`,
    text: `The work "${p.proposalTitle}" was updated.\n${workLines(p, workStatusEn, ['Status', 'Progress', 'Milestone', 'Reason'])}`,
  }),
  'proposal-assessed': (p) => ({
    subject: `Your proposal "${p.proposalTitle}" was assessed`,
    text: `The committee assessed your proposal "${p.proposalTitle}": ${p.feasible ? 'it is feasible' : 'it is not feasible'}.\nReason: ${p.reason}`,
  }),
  'proposal-ballot': (p) => ({
    subject: `Your proposal "${p.proposalTitle}" ${p.status === 'on-ballot' ? 'is on the ballot' : 'did not reach the ballot'}`,
    text:
      p.status === 'on-ballot'
        ? `Voting has opened and your proposal "${p.proposalTitle}" is on the ballot.`
        : `Voting has opened; your proposal "${p.proposalTitle}" did not gather the supports to reach the ballot.`,
  }),
  'proposal-status': (p) => ({
    subject: `"${p.proposalTitle}" is now ${statusEn[p.status ?? ''] ?? p.status}`,
    text: `The proposal "${p.proposalTitle}" changed status: ${statusEn[p.status ?? ''] ?? p.status}.${p.reason ? `\nReason: ${p.reason}` : ''}`,
  }),
  'voting-opened': (p) => ({
    subject: `You can now vote in "${p.editionTitle}"`,
    text: `Voting in "${p.editionTitle}" has opened in your district.${p.votingEndsAt ? ` It closes on ${whenEn(p.votingEndsAt)}.` : ''}`,
  }),
  'voting-reminder': (p) => ({
    subject: `One day left to vote in "${p.editionTitle}"`,
    text: `Voting in "${p.editionTitle}" closes on ${whenEn(p.votingEndsAt)}. You can still vote.`,
  }),
  'ballot-recorded': (p) => ({
    subject: 'Your ballot was recorded',
    text: `We recorded your ballot ${channelEn[p.channel ?? 'online']} in "${p.editionTitle}".\nYour receipt: ${p.receipt}\nWith it you can check that your ballot was counted.`,
  }),
  'ballot-replaced': (p) => ({
    subject: 'Security notice: your ballot was replaced',
    text: `A new ballot ${channelEn[p.channel ?? 'online']} replaced your earlier one in "${p.editionTitle}".\nReceipt of the ballot that counts now: ${p.receipt}\nIf this was not you, vote again before the close and tell the participation office.`,
  }),
};

const footer = {
  es: (link: string) =>
    `\n\n—\nRecibes este correo porque activaste estos avisos en Decidimos Monterrey.\nPara dejar de recibirlos: ${link}`,
  en: (link: string) =>
    `\n\n—\nYou get this e-mail because you turned these notices on in Decidimos Monterrey.\nTo stop them: ${link}`,
};

/** The e-mail for one notification in the resident's language, with the unsubscribe link in its footer. */
export function renderMail(
  notice: NotificationSubject,
  params: NotificationParams,
  language: Language,
  unsubscribeLink: string,
): RenderedMail {
  const mail = (language === 'en' ? en : es)[notice](params);
  return { subject: mail.subject, text: mail.text + footer[language](unsubscribeLink) };
}
