import type { CaseStatus } from './types';

const TZ = 'Europe/Paris';
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: TZ });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: TZ });

/** « 14 juillet 2026 à 10:30 » */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** « 14 juillet 2026 » */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  // A form date (yyyy-mm-dd) is a calendar day, not an instant: read it at noon so no time zone moves it.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d);
}

/** « 1,5 Mo », « 320 ko » */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.round((bytes / 1048576) * 10) / 10).toString().replace('.', ',')} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024))} ko`;
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: 'Reçue',
  in_progress: 'En cours de traitement',
  waiting_citizen: 'En attente de votre réponse',
  decided: 'Décision rendue',
  closed: 'Clôturée',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as CaseStatus] ?? status;
}

export const CHANNEL_LABELS: Record<string, string> = {
  web: 'En ligne',
  phone: 'Téléphone',
  email: 'Courriel',
  letter: 'Courrier',
  counter: 'Accueil / guichet',
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

export const THEMES: { id: string; label: string }[] = [
  { id: 'etat-civil', label: 'État civil' },
  { id: 'elections', label: 'Élections' },
  { id: 'ecole-periscolaire', label: 'École et périscolaire' },
  { id: 'voirie-cadre-de-vie', label: 'Voirie et cadre de vie' },
  { id: 'urbanisme', label: 'Urbanisme' },
  { id: 'rendez-vous', label: 'Rendez-vous' },
  { id: 'paiements', label: 'Paiements' },
  { id: 'solidarite', label: 'Solidarité et action sociale' },
];

export function themeLabel(theme: string): string {
  const known = THEMES.find((t) => t.id === theme)?.label;
  if (known) return known;
  const words = theme.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What kind of contact a timeline or history entry is, in words a resident uses. */
export function eventKindLabel(type: string): string {
  switch (type) {
    case 'CaseSubmitted':
      return 'Demande déposée';
    case 'CaseAcknowledged':
      return 'Prise en charge';
    case 'CaseTransferred':
      return 'Transmise à un autre service';
    case 'InformationRequested':
      return 'Complément demandé';
    case 'InformationProvided':
      return 'Complément envoyé';
    case 'MessageSent':
      return 'Message';
    case 'PhoneCallLogged':
      return 'Appel téléphonique';
    case 'LetterLogged':
      return 'Courrier';
    case 'CounterVisitLogged':
      return 'Passage à l’accueil';
    case 'DocumentAttached':
      return 'Document ajouté';
    case 'WorkflowTransitioned':
      return 'Étape franchie';
    case 'CaseDecided':
      return 'Décision';
    case 'CaseClosed':
      return 'Demande clôturée';
    case 'CaseReopened':
      return 'Demande rouverte';
    case 'CaseRated':
      return 'Avis donné';
    default:
      return 'Événement';
  }
}

/** A logged call, letter or visit happened on that channel, whatever screen the agent typed it on. */
export function contactChannel(type: string, channel: string): string {
  switch (type) {
    case 'PhoneCallLogged':
      return 'phone';
    case 'LetterLogged':
      return 'letter';
    case 'CounterVisitLogged':
      return 'counter';
    default:
      return channel;
  }
}

/**
 * The API's one-line summaries are written for agents (« Message de l'usager », internal step ids):
 * the resident reads them in the second person, without the back office's step names.
 */
export function residentSummary(type: string, summary: string): string {
  if (type === 'WorkflowTransitioned') {
    const message = summary.split(' : ').slice(1).join(' : ');
    return message || 'Votre demande est passée à l’étape suivante.';
  }
  return summary
    .replace(/^Message de l'usager/, 'Votre message')
    .replace(/^Avis de l'usager/, 'Votre avis')
    .replace(/^Informations complémentaires transmises/, 'Votre réponse');
}
