/**
 * What one benchmark client does over HTTP: the life of a pothole report, one command per call —
 * the resident submits it, the agent acknowledges it, writes a note, answers, logs a call, asks
 * for a detail, the resident answers and writes, the agent decides and closes; then a new one.
 */
import type { KeepAliveClient } from './http-client.ts';

export const POTHOLE = {
  type: 'nid-de-poule',
  localisation: '12 rue de la République',
  description: 'Un gros nid-de-poule sur la chaussée devant la boulangerie, dangereux pour les vélos.',
};

export interface Tokens {
  citizen: string;
  agent: string;
}

type Step = (api: KeepAliveClient, t: Tokens, caseId: string, n: number) => Promise<unknown>;

const act =
  (who: keyof Tokens, action: string, body: (n: number) => unknown): Step =>
  (api, t, caseId, n) =>
    api.ok('POST', `/api/v1/cases/${caseId}/${action}`, body(n), t[who]);

export const STEPS: Step[] = [
  act('agent', 'acknowledge', () => ({})),
  act('agent', 'notes', (n) => ({ text: `Vérifier sur place, secteur ${n % 12}.` })),
  act('agent', 'messages', () => ({
    message: 'Bonjour, votre signalement est pris en compte ; une équipe passera cette semaine.',
  })),
  act('agent', 'phone-calls', () => ({
    direction: 'inbound',
    durationSeconds: 180,
    summary: "L'usager précise que le trou s'agrandit.",
  })),
  act('agent', 'request-information', () => ({ message: 'Pouvez-vous préciser le numéro de la rue le plus proche ?' })),
  act('citizen', 'provide-information', () => ({ message: 'Devant le numéro 14, côté pair.' })),
  act('citizen', 'messages', () => ({ message: 'Merci pour votre réactivité.' })),
  act('agent', 'decision', () => ({ outcome: 'accepted', reason: 'Intervention programmée.' })),
  act('agent', 'close', () => ({ reason: 'Chaussée réparée.' })),
];

/** One command per call: a submission, or the next action on the client's current case. */
export function caseLife(api: KeepAliveClient, tokens: Tokens) {
  const state = new Map<number, { caseId: string; step: number }>();
  return async (client: number, n: number): Promise<void> => {
    const current = state.get(client);
    if (!current || current.step >= STEPS.length) {
      const created = await api.ok(
        'POST',
        '/api/v1/cases',
        { procedureId: 'signalement-voirie', data: POTHOLE },
        tokens.citizen,
      );
      state.set(client, { caseId: created.id as string, step: 0 });
      return;
    }
    await STEPS[current.step]!(api, tokens, current.caseId, n);
    current.step++;
  };
}

export async function logIn(api: KeepAliveClient): Promise<Tokens> {
  return { citizen: await api.login('citoyen@demo.guichet.test'), agent: await api.login('agent@demo.guichet.test') };
}
