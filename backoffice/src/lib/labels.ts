import type { Channel, Status } from '$lib/types';

export const STATUS_LABELS: Record<Status, string> = {
  submitted: 'Reçue',
  in_progress: 'En cours de traitement',
  waiting_citizen: 'En attente du demandeur',
  decided: 'Décision rendue',
  closed: 'Clôturée',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'En ligne',
  phone: 'Téléphone',
  email: 'Courriel',
  letter: 'Courrier',
  counter: 'Accueil / guichet',
};

/** Channels an agent records a request from (a web request is the citizen's own). */
export const AGENT_CHANNELS: Channel[] = ['phone', 'letter', 'email', 'counter'];

export const EVENT_LABELS: Record<string, string> = {
  CaseSubmitted: 'Demande déposée',
  CaseAcknowledged: 'Prise en compte',
  CaseAssigned: 'Attribution',
  CaseUnassigned: 'Attribution retirée',
  CaseTransferred: 'Transfert de service',
  InformationRequested: 'Demande de complément',
  InformationProvided: 'Complément reçu',
  MessageSent: 'Message',
  PhoneCallLogged: 'Appel téléphonique',
  LetterLogged: 'Courrier',
  CounterVisitLogged: 'Passage au guichet',
  DocumentAttached: 'Document joint',
  InternalNoteWritten: 'Note',
  WorkflowTransitioned: 'Étape franchie',
  CaseDecided: 'Décision',
  CaseClosed: 'Clôture',
  CaseReopened: 'Réouverture',
  CaseRated: 'Avis de l’usager',
};

export const ROLE_LABELS: Record<string, string> = {
  agent: 'Agent',
  manager: 'Responsable',
  designer: 'Concepteur',
  admin: 'Administrateur',
};

export const statusLabel = (s: string) => STATUS_LABELS[s as Status] ?? s;
export const channelLabel = (c: string) => CHANNEL_LABELS[c as Channel] ?? c;
export const eventLabel = (t: string) => EVENT_LABELS[t] ?? t;
