import { statusWords } from '@decidimos/contracts/api/status-words';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings of the notification centre, its settings, "my activity" and the Follow button,
 * in their own namespace so they load with those pages and never with the voting page,
 * which has a size budget (scripts/bundle-size.mjs).
 */
const notificationsEs = {
  centre: {
    title: 'Mis avisos',
    lead: 'Lo que pasó con tus propuestas, las que sigues, tu voto y la votación de tu distrito.',
    none: 'Aún no tienes avisos.',
    unread: 'sin leer',
    markAll: 'Marcar todos como leídos',
    settings: 'Elegir qué avisos recibo',
    loginLead: 'Entra con iD Digital para ver tus avisos.',
  },
  notice: {
    'proposal-assessed': 'Tu propuesta «{{proposalTitle}}» fue evaluada: {{verdict}}. Motivo: {{reason}}',
    'proposal-ballot': 'Tu propuesta «{{proposalTitle}}»: {{status}}.',
    'proposal-status': '«{{proposalTitle}}» ahora está: {{status}}.',
    'voting-opened': 'Ya puedes votar en «{{editionTitle}}».',
    'voting-reminder': 'Queda un día para votar en «{{editionTitle}}».',
    'ballot-recorded': 'Tu voto en «{{editionTitle}}» quedó registrado.',
    'ballot-replaced':
      'Aviso de seguridad: un voto nuevo reemplazó al tuyo en «{{editionTitle}}». Si no fuiste tú, vuelve a votar.',
    'work-updated': 'La obra «{{proposalTitle}}» tiene novedades.',
    feasible: 'viable',
    unfeasible: 'no viable',
    receipt: 'Ver mi comprobante',
    open: 'Ver',
  },
  status: statusWords.es.proposal,
  workStatus: statusWords.es.work,
  settings: {
    title: 'Qué avisos recibo',
    lead: 'Tu correo y estas preferencias son datos personales: no van al registro público y puedes borrarlos.',
    email: 'Por correo',
    emailTo: 'Por correo a {{address}}',
    noEmail: 'iD Digital no nos dio un correo tuyo: solo puedes recibir avisos aquí.',
    inApp: 'Aquí, en Mis avisos',
    language: 'Idioma de los correos',
    save: 'Guardar',
    saved: 'Preferencias guardadas.',
    erase: 'Borrar todo lo que guardan los avisos sobre mí',
    erased: 'Borramos tu correo, preferencias, avisos y lo que sigues.',
    kinds: {
      'my-proposal': 'Mis propuestas: evaluación y si llegaron a la boleta',
      'followed-proposal': 'Propuestas que sigo: cambios de estado',
      voting: 'Votación en mi distrito: apertura y recordatorio un día antes del cierre',
      'my-ballot': 'Mi voto: registrado o reemplazado',
      'followed-work': 'Obras que sigo: cada novedad',
    },
  },
  follow: {
    follow: 'Seguir',
    unfollow: 'Dejar de seguir',
    following: 'Sigues esta propuesta: te avisaremos cuando cambie de estado.',
    followingWork: 'Sigues esta obra: te avisaremos de cada novedad.',
  },
  unsubscribe: {
    title: 'Dejar de recibir correos',
    lead: 'Deja de recibir por correo los avisos de este tipo. Puedes volver a activarlos en «Qué avisos recibo».',
    confirm: 'Darme de baja',
    done: 'Listo: ya no recibirás estos correos.',
  },
  activity: {
    title: 'Mi actividad',
    lead: 'Solo tú ves esta página.',
    edition: 'Edición',
    proposals: 'Mis propuestas',
    supports: 'Mis apoyos',
    vote: 'Mi voto',
    follows: 'Propuestas que sigo',
    works: 'Obras que sigo',
    settings: 'Mis avisos',
    none: 'Nada todavía.',
    notVoted: 'Aún no has votado en esta edición.',
    voted: 'Votaste {{channel}} el {{at}}.',
    online: 'en línea',
    assisted: 'en una mesa de votación',
    receipt: 'Lo que elegiste solo aparece en tu comprobante.',
    workProgress: '{{status}}, {{progress}} %',
    emailKinds: 'Por correo: {{kinds}}',
    inAppKinds: 'Aquí: {{kinds}}',
    nothing: 'ninguno',
    loginLead: 'Entra con iD Digital para ver tu actividad.',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const notificationsEn: Catalog<typeof notificationsEs> = {
  centre: {
    title: 'My notifications',
    lead: 'What happened to your proposals, those you follow, your vote and voting in your district.',
    none: 'You have no notifications yet.',
    unread: 'unread',
    markAll: 'Mark all as read',
    settings: 'Choose which notices I get',
    loginLead: 'Log in with iD Digital to see your notifications.',
  },
  notice: {
    'proposal-assessed': 'Your proposal "{{proposalTitle}}" was assessed: {{verdict}}. Reason: {{reason}}',
    'proposal-ballot': 'Your proposal "{{proposalTitle}}": {{status}}.',
    'proposal-status': '"{{proposalTitle}}" is now: {{status}}.',
    'voting-opened': 'You can now vote in "{{editionTitle}}".',
    'voting-reminder': 'One day left to vote in "{{editionTitle}}".',
    'ballot-recorded': 'Your ballot in "{{editionTitle}}" was recorded.',
    'ballot-replaced':
      'Security notice: a new ballot replaced yours in "{{editionTitle}}". If it was not you, vote again.',
    'work-updated': 'The work "{{proposalTitle}}" has news.',
    feasible: 'feasible',
    unfeasible: 'not feasible',
    receipt: 'See my receipt',
    open: 'Open',
  },
  status: statusWords.en.proposal,
  workStatus: statusWords.en.work,
  settings: {
    title: 'Which notices I get',
    lead: 'Your e-mail address and these choices are personal data: they stay out of the public record and you can erase them.',
    email: 'By e-mail',
    emailTo: 'By e-mail to {{address}}',
    noEmail: 'iD Digital gave us no e-mail address of yours: you can get notices here only.',
    inApp: 'Here, in My notifications',
    language: 'Language of the e-mails',
    save: 'Save',
    saved: 'Choices saved.',
    erase: 'Erase everything notifications keep about me',
    erased: 'We erased your e-mail address, choices, notifications and follows.',
    kinds: {
      'my-proposal': 'My proposals: assessment and whether they reached the ballot',
      'followed-proposal': 'Proposals I follow: status changes',
      voting: 'Voting in my district: opening, and a reminder a day before it closes',
      'my-ballot': 'My ballot: recorded or replaced',
      'followed-work': 'Works I follow: every update',
    },
  },
  follow: {
    follow: 'Follow',
    unfollow: 'Unfollow',
    following: 'You follow this proposal: we will tell you when its status changes.',
    followingWork: 'You follow this work: we will tell you of each update.',
  },
  unsubscribe: {
    title: 'Stop these e-mails',
    lead: 'Stop getting notices of this kind by e-mail. You can turn them on again under "Which notices I get".',
    confirm: 'Unsubscribe',
    done: 'Done: you will not get these e-mails any more.',
  },
  activity: {
    title: 'My activity',
    lead: 'Only you see this page.',
    edition: 'Edition',
    proposals: 'My proposals',
    supports: 'My supports',
    vote: 'My vote',
    follows: 'Proposals I follow',
    works: 'Works I follow',
    settings: 'My notifications',
    none: 'Nothing yet.',
    notVoted: 'You have not voted in this edition yet.',
    voted: 'You voted {{channel}} on {{at}}.',
    online: 'online',
    assisted: 'at a voting booth',
    receipt: 'What you chose shows only on your receipt.',
    workProgress: '{{status}}, {{progress}} %',
    emailKinds: 'By e-mail: {{kinds}}',
    inAppKinds: 'Here: {{kinds}}',
    nothing: 'none',
    loginLead: 'Log in with iD Digital to see your activity.',
  },
};

const catalogs: Record<Language, Catalog<typeof notificationsEs>> = { es: notificationsEs, en: notificationsEn };

/** `t` for these strings, adding them to this i18next instance the first time one of these pages renders. */
export function useNotificationsT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'notifications')) {
      i18n.addResourceBundle(language, 'notifications', catalogs[language]);
    }
  }
  return i18n.getFixedT(null, 'notifications');
}
