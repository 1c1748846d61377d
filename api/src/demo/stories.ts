import type { Channel } from '@guichet/domain';

/** Who a request comes from: a resident with an account, a resident known only as a contact, or nobody. */
export type Requester = 'marie' | 'jean' | 'fatima' | 'luc' | 'yvette' | 'henri' | 'nadia' | 'anonymous';

/** The path a request has followed so far. */
export type Arc =
  | 'accepted'
  | 'info-then-accepted'
  | 'rejected'
  | 'in-progress'
  | 'waiting-citizen'
  | 'overdue'
  | 'new'
  | 'reopened-and-done'
  | 'reopened-open';

export interface Story {
  slug: string;
  from: Requester;
  /** 'web' for residents online and anonymous reports; otherwise the channel an agent recorded it from. */
  channel: Channel;
  arc: Arc;
  /** The case changes hands (leave, workload) before it is finished. */
  handover?: boolean;
}

const story = (slug: string, from: Requester, channel: Channel, arc: Arc, handover = false): Story => ({
  slug,
  from,
  channel,
  arc,
  ...(handover ? { handover } : {}),
});

/**
 * The town's last two months, one line per request. The order here is not the order of
 * submission: each arc picks a date that fits it (an overdue request is older than its deadline).
 */
export const STORIES: Story[] = [
  story('acte-de-naissance', 'marie', 'web', 'accepted'),
  story('acte-de-naissance', 'jean', 'web', 'accepted'),
  story('acte-de-naissance', 'fatima', 'web', 'info-then-accepted'),
  story('acte-de-naissance', 'nadia', 'email', 'accepted'),
  story('acte-de-naissance', 'luc', 'web', 'rejected'),
  story('acte-de-naissance', 'marie', 'web', 'reopened-and-done'),
  story('acte-de-naissance', 'jean', 'web', 'new'),
  story('inscription-listes-electorales', 'fatima', 'web', 'info-then-accepted'),
  story('inscription-listes-electorales', 'luc', 'web', 'accepted'),
  story('inscription-listes-electorales', 'yvette', 'counter', 'accepted'),
  story('inscription-listes-electorales', 'jean', 'web', 'waiting-citizen'),
  story('inscription-listes-electorales', 'marie', 'web', 'overdue', true),
  story('rendez-vous-titre-identite', 'marie', 'web', 'accepted'),
  story('rendez-vous-titre-identite', 'luc', 'web', 'accepted'),
  story('rendez-vous-titre-identite', 'yvette', 'phone', 'accepted'),
  story('rendez-vous-titre-identite', 'fatima', 'web', 'rejected'),
  story('rendez-vous-titre-identite', 'jean', 'web', 'in-progress'),
  story('recensement-citoyen', 'fatima', 'web', 'accepted'),
  story('recensement-citoyen', 'luc', 'web', 'waiting-citizen'),
  story('inscription-cantine', 'marie', 'web', 'accepted'),
  story('inscription-cantine', 'fatima', 'web', 'info-then-accepted'),
  story('inscription-cantine', 'jean', 'web', 'rejected'),
  story('inscription-cantine', 'luc', 'web', 'in-progress'),
  story('inscription-cantine', 'nadia', 'letter', 'accepted'),
  story('inscription-cantine', 'marie', 'web', 'overdue'),
  story('question-facture', 'marie', 'web', 'info-then-accepted'),
  story('question-facture', 'jean', 'web', 'rejected'),
  story('question-facture', 'fatima', 'web', 'in-progress'),
  story('question-facture', 'nadia', 'phone', 'accepted'),
  story('question-facture', 'luc', 'web', 'new'),
  story('signalement-voirie', 'anonymous', 'web', 'accepted'),
  story('signalement-voirie', 'anonymous', 'web', 'accepted'),
  story('signalement-voirie', 'anonymous', 'web', 'rejected'),
  story('signalement-voirie', 'marie', 'web', 'accepted'),
  story('signalement-voirie', 'henri', 'phone', 'accepted'),
  story('signalement-voirie', 'anonymous', 'web', 'in-progress'),
  story('signalement-voirie', 'anonymous', 'web', 'new'),
  story('signalement-voirie', 'jean', 'web', 'reopened-open'),
  story('signalement-voirie', 'yvette', 'letter', 'overdue'),
  story('occupation-domaine-public', 'luc', 'web', 'accepted'),
  story('occupation-domaine-public', 'fatima', 'web', 'info-then-accepted'),
  story('occupation-domaine-public', 'jean', 'web', 'rejected'),
  story('occupation-domaine-public', 'henri', 'counter', 'in-progress'),
  story('occupation-domaine-public', 'marie', 'web', 'waiting-citizen'),
  story('enlevement-encombrants', 'yvette', 'phone', 'accepted'),
  story('enlevement-encombrants', 'marie', 'web', 'accepted'),
  story('enlevement-encombrants', 'henri', 'phone', 'rejected'),
  story('enlevement-encombrants', 'jean', 'web', 'in-progress'),
  story('enlevement-encombrants', 'fatima', 'web', 'new'),
  story('enlevement-encombrants', 'luc', 'web', 'overdue'),
];

export const POSITIVE_COMMENTS = [
  'Rapide et efficace, merci !',
  'Très bon suivi, réponse claire.',
  'Parfait, plus besoin de se déplacer en mairie.',
  '',
  '',
];
export const AVERAGE_COMMENT = 'Correct, mais un peu long.';
