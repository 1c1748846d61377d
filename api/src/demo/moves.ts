import type { Channel, DocumentRef, Workflow } from '@guichet/domain';
import { demoDocument } from './documents.ts';
import { demoUuid } from './ids.ts';
import type { Playbook } from './playbooks.ts';
import { between, pick, type Random } from './random.ts';
import { AVERAGE_COMMENT, POSITIVE_COMMENTS, type Story } from './stories.ts';
import { Timeline, type Step, type StepActor } from './timeline.ts';

export interface ArcContext {
  story: Story;
  /** Key that makes ids of messages, notes and documents unique to this request. */
  key: string;
  playbook: Playbook;
  workflow: Workflow;
  /** Decides what happens. */
  random: Random;
  /** Decides when: delays between steps. */
  clock: Random;
  /** The resident can act online (account or tracking code); otherwise agents record what they say. */
  online: boolean;
  /** "Yvette Rousseau", for the summaries agents write. */
  name: string;
  assignee: string;
  /** Who takes over on a handover. */
  colleague: string;
}

/** Hours between the previous step and this one: [shortest, longest]. */
type Delay = [number, number];
const RIGHT_AFTER: Delay = [0.02, 0.1];
const MOMENTS_LATER: Delay = [0.05, 0.5];
const WITHIN_A_DAY: Delay = [1, 24];
const DAYS_LATER: Delay = [20, 72];

/** The moves agents and residents make on a request; each appends a step to the request's timeline. */
export class Moves {
  private readonly tl: Timeline;
  private n = 0;

  constructor(
    private readonly ctx: ArcContext,
    submittedAt: number,
  ) {
    this.tl = new Timeline(submittedAt, ctx.clock);
  }

  get steps(): Step[] {
    return this.tl.steps;
  }

  private get pb(): Playbook {
    return this.ctx.playbook;
  }

  /** Where the answers of a resident without online access come from. */
  private get contactChannel(): Channel {
    return this.ctx.story.channel === 'web' ? 'phone' : this.ctx.story.channel;
  }

  private id(what: string): string {
    return demoUuid(this.ctx.key, what, String(this.n++));
  }

  private doc(fileName: string): DocumentRef {
    return demoDocument(this.id('document'), fileName);
  }

  private step(as: StepActor, command: Step['command'], [min, max]: Delay, channel: Channel = 'web'): void {
    this.tl.add(as, command, channel, min, max);
  }

  private seconds(min: number, max: number): number {
    return Math.round(between(this.ctx.random, min, max));
  }

  transitions(ids: string[]): void {
    for (const transitionId of ids) {
      this.step('agent', { type: 'TransitionWorkflow', data: { transitionId, workflow: this.ctx.workflow } }, [1, 30]);
    }
  }

  /** An agent records what a resident said by phone, letter or at the counter. */
  residentSays(text: string, channel: Channel = this.contactChannel, delay: Delay = DAYS_LATER): void {
    const { name } = this.ctx;
    if (channel === 'letter') {
      const documents = [this.doc('courrier-scanne.pdf')];
      this.step(
        'agent',
        { type: 'LogLetter', data: { direction: 'inbound', summary: `Courrier de ${name} : ${text}`, documents } },
        delay,
        'letter',
      );
    } else if (channel === 'counter') {
      this.step(
        'agent',
        { type: 'LogCounterVisit', data: { summary: `${name} à l'accueil : ${text}` } },
        delay,
        'counter',
      );
    } else {
      const data = {
        direction: 'inbound' as const,
        durationSeconds: this.seconds(90, 600),
        summary: `Appel de ${name} : ${text}`,
      };
      this.step('agent', { type: 'LogPhoneCall', data }, delay, 'phone');
    }
  }

  /** A request that came by phone, letter, counter or e-mail leaves a trace of how it came. */
  intake(): void {
    const channel = this.ctx.story.channel;
    if (channel === 'web') return;
    if (channel === 'email') {
      const text = 'Demande reçue par courriel à l’adresse du service, saisie pour l’usagère.';
      this.step('agent', { type: 'WriteInternalNote', data: { noteId: this.id('note'), text } }, RIGHT_AFTER);
    } else {
      this.residentSays(
        'demande enregistrée pendant l’échange, récapitulatif relu avec l’usager.',
        channel,
        RIGHT_AFTER,
      );
    }
  }

  begin(): void {
    this.step('agent', { type: 'AcknowledgeCase', data: {} }, [0.5, 30]);
    this.step('agent', { type: 'AssignCase', data: { assignee: this.ctx.assignee } }, [0, 0.3]);
    this.transitions(this.pb.start);
  }

  note(text = this.pb.note): void {
    this.step('agent', { type: 'WriteInternalNote', data: { noteId: this.id('note'), text } }, WITHIN_A_DAY);
  }

  message(as: 'agent' | 'owner', text: string): void {
    const delay: Delay = as === 'owner' ? [2, 30] : [1, 8];
    this.step(as, { type: 'SendMessage', data: { messageId: this.id('message'), text, documents: [] } }, delay);
  }

  /** A short exchange while the request is worked on, by messages or, for residents offline, by phone. */
  chat(): void {
    const [first, reply] = this.pb.chat;
    if (this.pb.chatOpenedBy === 'agent') {
      this.message('agent', first);
      if (this.ctx.online) this.message('owner', reply);
      else this.residentSays(reply);
    } else if (this.ctx.online) {
      this.message('owner', first);
      this.message('agent', reply);
    } else {
      this.residentSays(first);
      const data = {
        direction: 'outbound' as const,
        durationSeconds: this.seconds(60, 300),
        summary: `Rappel de ${this.ctx.name} : ${reply}`,
      };
      this.step('agent', { type: 'LogPhoneCall', data }, [0.5, 8], 'phone');
    }
  }

  askInformation(): void {
    this.step(
      'agent',
      { type: 'RequestInformation', data: { requestId: this.id('request'), message: this.pb.ask.message } },
      WITHIN_A_DAY,
    );
    if (this.pb.ask.to) this.transitions([this.pb.ask.to]);
  }

  answerInformation(): void {
    const { ask } = this.pb;
    const documents = ask.withDocument ? [this.doc(ask.withDocument)] : [];
    if (this.ctx.online) {
      this.step('owner', { type: 'ProvideInformation', data: { message: ask.answer, documents } }, [4, 96]);
    } else {
      const message = `Réponse de ${this.ctx.name} : ${ask.answer}`;
      this.step('agent', { type: 'ProvideInformation', data: { message, documents } }, [24, 96], this.contactChannel);
    }
    if (ask.back) this.transitions([ask.back]);
  }

  /** Takes the workflow to its final state, records the decision and closes the request. */
  decide(outcome: 'accepted' | 'rejected', path: string[], reason: string): void {
    this.transitions(path);
    // Refusals are often signed off by the head of service.
    const by = outcome === 'rejected' && this.ctx.random() < 0.5 ? 'manager' : 'agent';
    this.step(by, { type: 'DecideCase', data: { outcome, reason } }, MOMENTS_LATER);
    const closing = outcome === 'accepted' ? 'Demande traitée.' : 'Décision notifiée à l’usager.';
    this.step('agent', { type: 'CloseCase', data: { reason: closing } }, [0.05, 2]);
  }

  rate(score: number, comment: string): void {
    if (this.ctx.online) this.step('owner', { type: 'RateCase', data: { score, comment } }, [1, 48]);
  }

  rateSatisfied(): void {
    if (this.ctx.random() > 0.85) return;
    const r = this.ctx.random();
    const score = r < 0.55 ? 5 : r < 0.95 ? 4 : 3;
    this.rate(score, score === 3 ? AVERAGE_COMMENT : pick(this.ctx.random, POSITIVE_COMMENTS));
  }

  /** The resident phones about a finished request; the agent reopens it. */
  reopen(complaint: string, reason: string, path: string[]): void {
    this.residentSays(complaint, 'phone');
    this.step('agent', { type: 'ReopenCase', data: { reason } }, [0.1, 2]);
    this.transitions(path);
    if (this.ctx.online) {
      this.message(
        'agent',
        'Nous avons rouvert votre demande et la reprenons en priorité. Merci de nous avoir prévenus.',
      );
    }
  }

  handOver(): void {
    this.note('Absence prolongée de l’agent en charge : dossier réattribué.');
    this.step('agent', { type: 'AssignCase', data: { assignee: this.ctx.colleague } }, [0, 0.5]);
  }

  /** A resident who has heard nothing asks where the request stands. */
  chaseUp(): void {
    if (this.ctx.online) {
      this.message('owner', "Bonjour, je n'ai pas de nouvelles de ma demande. Pouvez-vous me dire où elle en est ?");
    } else {
      this.residentSays('demande où en est son dossier, sans réponse depuis plusieurs semaines.');
    }
  }
}
