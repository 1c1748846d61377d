import type { CaseEvent, Channel, Direction } from '@guichet/domain';
import type { RecordedEvent } from '@guichet/eventstore';
import { dispatch, type Handlers } from './projection.ts';

/** "en ligne", "par téléphone"…: how a request reached the town, as a French agent says it. */
export const CHANNEL_LABEL: Record<Channel | 'system', string> = {
  web: 'en ligne',
  phone: 'par téléphone',
  email: 'par courriel',
  letter: 'par courrier',
  counter: 'au guichet',
  system: 'automatiquement',
};

const MAX = 160;

/** One line, at most MAX characters: timelines show a line per event, the full text is in `data`. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX ? flat : `${flat.slice(0, MAX - 1).trimEnd()}…`;
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

const withText = (label: string, text: string) => (text.trim() ? `${label} : ${oneLine(text)}` : label);
const attachments = (n: number) => (n === 0 ? '' : n === 1 ? ' (1 pièce jointe)' : ` (${n} pièces jointes)`);
const inbound = (d: Direction) => d === 'inbound';

type Out = { line: string };

const lines: Handlers<CaseEvent, Out> = {
  CaseSubmitted: (o, d) => {
    o.line =
      `Demande ${d.reference} déposée ${CHANNEL_LABEL[d.channel] ?? ''}`.trim() + attachments(d.documents.length);
  },
  CaseAcknowledged: (o) => {
    o.line = 'Accusé de réception envoyé';
  },
  CaseAssigned: (o, d) => {
    o.line = d.previousAssignee ? `Dossier réattribué à ${d.assignee}` : `Dossier attribué à ${d.assignee}`;
  },
  CaseUnassigned: (o) => {
    o.line = 'Dossier remis dans la file du service';
  },
  CaseTransferred: (o, d) => {
    o.line = withText('Dossier transféré à un autre service', d.reason);
  },
  InformationRequested: (o, d) => {
    o.line = withText("Demande d'informations complémentaires", d.message);
  },
  InformationProvided: (o, d) => {
    o.line = withText('Informations complémentaires transmises', d.message) + attachments(d.documents.length);
  },
  MessageSent: (o, d) => {
    o.line =
      withText(d.from === 'citizen' ? "Message de l'usager" : 'Message de la mairie', d.text) +
      attachments(d.documents.length);
  },
  PhoneCallLogged: (o, d) => {
    const way = inbound(d.direction) ? 'entrant' : 'sortant';
    o.line = withText(`Appel téléphonique ${way} (${duration(d.durationSeconds)})`, d.summary);
  },
  LetterLogged: (o, d) => {
    o.line =
      withText(inbound(d.direction) ? 'Courrier reçu' : 'Courrier envoyé', d.summary) + attachments(d.documents.length);
  },
  CounterVisitLogged: (o, d) => {
    o.line = withText('Passage au guichet', d.summary);
  },
  DocumentAttached: (o, d) => {
    o.line = `Pièce jointe ajoutée${d.by === 'citizen' ? " par l'usager" : ''} : ${oneLine(d.document.fileName)}`;
  },
  InternalNoteWritten: (o, d) => {
    o.line = withText('Note interne', d.text);
  },
  WorkflowTransitioned: (o, d) => {
    const automatic = d.automatic ? ` (${d.automatic.reason})` : '';
    o.line = withText(`Étape « ${d.from} » → « ${d.to} »${automatic}`, d.message ?? '');
  },
  CaseDecided: (o, d) => {
    o.line = withText(
      d.outcome === 'accepted' ? 'Décision : demande acceptée' : 'Décision : demande refusée',
      d.reason,
    );
  },
  CaseClosed: (o, d) => {
    o.line = withText('Dossier clôturé', d.reason);
  },
  CaseReopened: (o, d) => {
    o.line = withText('Dossier rouvert', d.reason);
  },
  CaseRated: (o, d) => {
    o.line = withText(`Avis de l'usager : ${d.score}/5`, d.comment);
  },
};

/** The French one-liner of a case event; null for a type this code does not know. */
export function summarize(event: RecordedEvent): string | null {
  const out: Out = { line: '' };
  return dispatch(lines, out, event) ? out.line : null;
}

/** Every case event type this code knows. */
export const CASE_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(lines));
