import type { Channel, DocumentRef, Workflow } from '@guichet/domain';
import { demoDocument } from './documents.ts';
import { demoUuid } from './ids.ts';
import type { Playbook } from './playbooks.ts';
import { between, pick, type Random } from './random.ts';
import { AVERAGE_COMMENT, POSITIVE_COMMENTS, type Story } from './stories.ts';
import { Timeline, type Step } from './timeline.ts';

export interface ArcContext {
  story: Story;
  /** Key that makes ids of messages, notes and documents unique to this request. */
  key: string;
  playbook: Playbook;
  workflow: Workflow;
  random: Random;
  /** The resident can act online (account or tracking code); otherwise agents record what they say. */
  online: boolean;
  /** "Mme Rousseau", for the summaries agents write. */
  name: string;
  assignee: string;
  /** Who takes over on a handover. */
  colleague: string;
}

/** Writes the steps that follow the submission; the submission itself is the runner's. */
export function playArc(ctx: ArcContext, submittedAt: number): Step[] {
  const tl = new Timeline(submittedAt, ctx.random);
  const { story, playbook: pb } = ctx;
  let n = 0;
  const id = (what: string) => demoUuid(ctx.key, what, String(n++));
  const doc = (fileName: string): DocumentRef => demoDocument(id('document'), fileName);
  const contactChannel: Channel = story.channel === 'web' ? 'phone' : story.channel;
  const transitions = (ids: string[]) => {
    for (const transitionId of ids) tl.add('agent', { type: 'TransitionWorkflow', data: { transitionId, workflow: ctx.workflow } }, 'web', 1, 30);
  };
  /** What a resident without online access says reaches the case through an agent. */
  const residentSays = (text: string, channel: Channel = contactChannel) => {
    if (channel === 'letter') tl.add('agent', { type: 'LogLetter', data: { direction: 'inbound', summary: `Courrier de ${ctx.name} : ${text}`, documents: [doc('courrier-scanne.pdf')] } }, 'letter', 20, 72);
    else if (channel === 'counter') tl.add('agent', { type: 'LogCounterVisit', data: { summary: `${ctx.name} passe à l'accueil : ${text}` } }, 'counter', 20, 72);
    else tl.add('agent', { type: 'LogPhoneCall', data: { direction: 'inbound', durationSeconds: Math.round(between(ctx.random, 90, 600)), summary: `Appel de ${ctx.name} : ${text}` } }, 'phone', 20, 72);
  };

  const intake = () => {
    const what = 'demande enregistrée pendant l’échange, récapitulatif lu à l’usager.';
    if (story.channel === 'phone') tl.add('agent', { type: 'LogPhoneCall', data: { direction: 'inbound', durationSeconds: Math.round(between(ctx.random, 240, 720)), summary: `Appel de ${ctx.name} : ${what}` } }, 'phone', 0.02, 0.1);
    if (story.channel === 'counter') tl.add('agent', { type: 'LogCounterVisit', data: { summary: `${ctx.name} à l'accueil : ${what}` } }, 'counter', 0.02, 0.1);
    if (story.channel === 'letter') tl.add('agent', { type: 'LogLetter', data: { direction: 'inbound', summary: `Demande reçue par courrier de ${ctx.name}, saisie par le service.`, documents: [doc('courrier-demande.pdf')] } }, 'letter', 0.02, 0.1);
    if (story.channel === 'email') tl.add('agent', { type: 'WriteInternalNote', data: { noteId: id('note'), text: 'Demande reçue par courriel à l’adresse du service, saisie pour l’usagère.' } }, 'web', 0.02, 0.1);
  };
  const begin = () => {
    tl.add('agent', { type: 'AcknowledgeCase', data: {} }, 'web', 0.5, 30);
    tl.add('agent', { type: 'AssignCase', data: { assignee: ctx.assignee } }, 'web', 0, 0.3);
    transitions(pb.start);
  };
  const note = () => tl.add('agent', { type: 'WriteInternalNote', data: { noteId: id('note'), text: pb.note } }, 'web', 1, 24);
  const message = (as: 'agent' | 'owner', text: string) =>
    tl.add(as, { type: 'SendMessage', data: { messageId: id('message'), text, documents: [] } }, 'web', as === 'owner' ? 2 : 1, as === 'owner' ? 30 : 8);
  const chat = () => {
    const [first, reply] = pb.chat;
    if (pb.chatOpenedBy === 'agent') {
      message('agent', first);
      if (ctx.online) message('owner', reply);
      else residentSays(reply);
    } else if (ctx.online) {
      message('owner', first);
      message('agent', reply);
    } else {
      residentSays(first);
      tl.add('agent', { type: 'LogPhoneCall', data: { direction: 'outbound', durationSeconds: Math.round(between(ctx.random, 60, 300)), summary: `Rappel de ${ctx.name} : ${reply}` } }, 'phone', 0.5, 8);
    }
  };
  const askInformation = () => {
    tl.add('agent', { type: 'RequestInformation', data: { requestId: id('request'), message: pb.ask.message } }, 'web', 1, 24);
    if (pb.ask.to) transitions([pb.ask.to]);
  };
  const answerInformation = () => {
    const documents = pb.ask.withDocument ? [doc(pb.ask.withDocument)] : [];
    if (ctx.online) tl.add('owner', { type: 'ProvideInformation', data: { message: pb.ask.answer, documents } }, 'web', 4, 96);
    else tl.add('agent', { type: 'ProvideInformation', data: { message: `Réponse de ${ctx.name} : ${pb.ask.answer}`, documents } }, contactChannel, 24, 96);
    if (pb.ask.back) transitions([pb.ask.back]);
  };
  const decide = (outcome: 'accepted' | 'rejected', path: string[], reason: string) => {
    transitions(path);
    tl.add(outcome === 'rejected' && ctx.random() < 0.5 ? 'manager' : 'agent', { type: 'DecideCase', data: { outcome, reason } }, 'web', 0.05, 0.5);
    const closing = outcome === 'accepted' ? 'Demande traitée.' : 'Décision notifiée à l’usager.';
    tl.add('agent', { type: 'CloseCase', data: { reason: closing } }, 'web', 0.05, 2);
  };
  const rate = (score: number, comment: string) => {
    if (!ctx.online) return;
    tl.add('owner', { type: 'RateCase', data: { score, comment } }, 'web', 1, 48);
  };
  const rateSatisfied = () => {
    if (ctx.random() > 0.85) return;
    const score = pick(ctx.random, [5, 5, 5, 4, 4, 3]);
    rate(score, score === 3 ? AVERAGE_COMMENT : pick(ctx.random, POSITIVE_COMMENTS));
  };
  const reopen = (rp: NonNullable<Playbook['reopen']>) => {
    residentSays(rp.complaint, 'phone');
    tl.add('agent', { type: 'ReopenCase', data: { reason: rp.reason } }, 'web', 0.1, 2);
    transitions(rp.path);
    if (ctx.online) message('agent', 'Nous avons rouvert votre demande et la reprenons en priorité. Merci de nous avoir prévenus.');
  };

  if (story.channel !== 'web') intake();
  switch (story.arc) {
    case 'new':
      break;
    case 'accepted':
    case 'info-then-accepted':
      begin();
      if (ctx.random() < 0.4) note();
      if (story.arc === 'info-then-accepted') {
        askInformation();
        answerInformation();
      }
      if (ctx.random() < 0.4) chat();
      decide('accepted', pb.accept.path, pb.accept.reason);
      rateSatisfied();
      break;
    case 'rejected': {
      begin();
      note();
      const reject = pb.reject ?? { path: pb.accept.path, reason: 'Demande non conforme.', complaint: '' };
      decide('rejected', reject.path, reject.reason);
      // Some residents who were refused say why they are unhappy; most do not rate at all.
      if (reject.complaint && ctx.random() < 0.6) rate(pick(ctx.random, [1, 2, 2, 3]), reject.complaint);
      break;
    }
    case 'in-progress':
      begin();
      transitions(pb.progress);
      if (ctx.random() < 0.5) chat();
      break;
    case 'waiting-citizen':
      begin();
      askInformation();
      break;
    case 'overdue':
      begin();
      note();
      if (story.handover) {
        tl.add('agent', { type: 'WriteInternalNote', data: { noteId: id('note'), text: 'Absence prolongée de l’agent en charge : dossier réattribué.' } }, 'web', 24, 72);
        tl.add('agent', { type: 'AssignCase', data: { assignee: ctx.colleague } }, 'web', 0, 0.5);
      }
      if (ctx.online) message('owner', "Bonjour, je n'ai pas de nouvelles de ma demande. Pouvez-vous me dire où elle en est ?");
      else residentSays('demande où en est son dossier, sans réponse depuis plusieurs semaines.');
      break;
    case 'reopened-and-done':
    case 'reopened-open': {
      const rp = pb.reopen;
      if (!rp) throw new Error(`no reopen playbook for ${story.slug}`);
      begin();
      decide('accepted', pb.accept.path, pb.accept.reason);
      reopen(rp);
      if (story.arc === 'reopened-and-done') {
        decide('accepted', pb.accept.path, 'Acte réédité avec l’orthographe exacte et renvoyé.');
        rate(4, 'Erreur corrigée rapidement après mon appel.');
      }
      break;
    }
    default: {
      const _exhaustive: never = story.arc;
      throw new Error(`unknown arc ${String(_exhaustive)}`);
    }
  }
  return tl.steps;
}
