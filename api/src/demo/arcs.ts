import { Moves, type ArcContext } from './moves.ts';
import { pick } from './random.ts';
import type { Step } from './timeline.ts';

export type { ArcContext } from './moves.ts';

/** Writes the steps that follow the submission (the submission itself is the runner's), up to the story's arc. */
export function playArc(ctx: ArcContext, submittedAt: number): Step[] {
  const { story, playbook: pb, random } = ctx;
  const m = new Moves(ctx, submittedAt);
  m.intake();
  switch (story.arc) {
    case 'new':
      break;
    case 'accepted':
    case 'info-then-accepted':
      m.begin();
      if (random() < 0.4) m.note();
      if (story.arc === 'info-then-accepted') {
        m.askInformation();
        m.answerInformation();
      }
      // Work visibly under way (a slot offered, an intervention planned) before the resident asks about it.
      m.transitions(pb.progress);
      if (random() < 0.4) m.chat();
      m.decide('accepted', afterProgress(pb.accept.path, pb.progress), pb.accept.reason);
      m.rateSatisfied();
      break;
    case 'rejected': {
      const reject = pb.reject;
      if (!reject) throw new Error(`no refusal in the playbook of ${story.slug}`);
      m.begin();
      m.note();
      m.decide('rejected', reject.path, reject.reason);
      // Some residents who were refused say why they are unhappy; the others do not rate at all.
      if (random() < 0.4) m.rate(pick(random, [1, 2, 3]), reject.complaint);
      break;
    }
    case 'in-progress':
      m.begin();
      m.transitions(pb.progress);
      if (random() < 0.5) m.chat();
      break;
    case 'waiting-citizen':
      m.begin();
      m.askInformation();
      break;
    case 'overdue':
      m.begin();
      m.note();
      if (story.handover) m.handOver();
      m.chaseUp();
      break;
    case 'reopened-and-done':
    case 'reopened-open': {
      const reopen = pb.reopen;
      if (!reopen) throw new Error(`no reopening in the playbook of ${story.slug}`);
      m.begin();
      m.decide('accepted', pb.accept.path, pb.accept.reason);
      m.reopen(reopen.complaint, reopen.reason, reopen.path);
      if (story.arc === 'reopened-and-done') {
        m.decide('accepted', pb.accept.path, reopen.redone);
        m.rate(4, 'Erreur corrigée rapidement après mon appel.');
      }
      break;
    }
    default: {
      const _exhaustive: never = story.arc;
      throw new Error(`unknown arc ${String(_exhaustive)}`);
    }
  }
  return m.steps;
}

function afterProgress(path: string[], progress: string[]): string[] {
  if (progress.some((t, i) => path[i] !== t))
    throw new Error(`progress ${progress.join(',')} does not start ${path.join(',')}`);
  return path.slice(progress.length);
}
