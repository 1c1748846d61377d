import {
  caseDecider,
  caseStreamId,
  DomainError,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type Workflow,
} from '@guichet/domain';
import { ConcurrencyError, type EventStore, type Queryable } from '@guichet/eventstore';
import { dueTransitions, ENTRY_EVENTS, getProcedureVersion, type DueTransition } from '@guichet/projections';
import { runCommand } from '../lib/commands.ts';
import { uuidFrom } from '../lib/ids.ts';

export interface SchedulerOptions {
  db: Queryable;
  store: EventStore;
  /** Injectable for tests; the wall clock otherwise. */
  clock?: () => Date;
  /** Between two looks at the due transitions (default: one minute). */
  intervalMs?: number;
  /** Due transitions taken per look, at most. */
  batchSize?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, details?: object) => void;
}

export type Outcome = 'taken' | 'moved' | 'refused';

export interface TickReport {
  taken: DueTransition[];
  /** The case moved since the read model saw it (an agent acted first): the step is dropped. */
  moved: DueTransition[];
  /** The decider refused (e.g. the procedure no longer makes the transition automatic). */
  refused: DueTransition[];
}

export interface Scheduler {
  /** One look: takes every automatic transition due at the clock's now. */
  tick(): Promise<TickReport>;
  start(): void;
  stop(): Promise<void>;
}

/** Attempts for a due step racing commands that do not move the case (a message, a note…). */
const MAX_RACES = 5;

/**
 * The process manager behind « passage automatique après N jours ». It reads rm_due_transitions,
 * then lets the log decide: the case must still be in the transition's `from` state, entered by the
 * very event the row names. The command id derives from (case, entry version, transition), so its
 * events have fixed ids: two schedulers, or one restarted mid-way, store the step once; and the
 * append expects the version it read, so an agent who moves the case meanwhile wins and the
 * step is dropped.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function take(due: DueTransition): Promise<Outcome> {
    const streamId = caseStreamId(due.caseId);
    for (let attempt = 1; ; attempt++) {
      const history = await options.store.readStream(streamId);
      const version = history.at(-1)?.streamVersion ?? 0;
      const entry = history.findLast((e) => ENTRY_EVENTS.has(e.type));
      const state = history.reduce(
        (s, e) => caseDecider.evolve(s, e as unknown as CaseEvent),
        caseDecider.initialState(),
      ) as CaseState;
      if (
        !entry ||
        entry.streamVersion !== due.enteredVersion ||
        state.workflowState !== due.from ||
        state.status === 'closed'
      ) {
        return 'moved';
      }
      const definition = await getProcedureVersion(options.db, state.procedureId, state.procedureVersion);
      if (!definition) return 'refused';
      const command: CaseCommand = {
        type: 'TransitionWorkflow',
        data: { transitionId: due.transitionId, workflow: definition.workflow as Workflow, automatic: true },
      };
      try {
        await runCommand(
          { store: options.store },
          {
            streamId,
            decider: caseDecider,
            command,
            expectedVersion: version,
            meta: {
              commandId: uuidFrom('automatic-transition', due.caseId, String(due.enteredVersion), due.transitionId),
              actor: { kind: 'system' },
              tenant: state.tenant || due.tenant,
              channel: 'web',
              now: clock().toISOString(),
            },
          },
        );
        return 'taken';
      } catch (err) {
        // Something was appended since the read: look again (the case may have moved).
        if (err instanceof ConcurrencyError && attempt < MAX_RACES) continue;
        if (err instanceof DomainError) {
          log('warn', 'passage automatique refusé', {
            caseId: due.caseId,
            transitionId: due.transitionId,
            err: err.message,
          });
          return 'refused';
        }
        throw err;
      }
    }
  }

  async function tick(): Promise<TickReport> {
    const report: TickReport = { taken: [], moved: [], refused: [] };
    const due = await dueTransitions(options.db, clock().toISOString(), options.batchSize ?? 100);
    const seen = new Set<string>();
    for (const d of due) {
      // Two transitions due from one state: the first one taken moves the case, the other is moot.
      if (seen.has(d.caseId)) {
        report.moved.push(d);
        continue;
      }
      const outcome = await take(d);
      if (outcome === 'taken') seen.add(d.caseId);
      report[outcome].push(d);
    }
    if (report.taken.length > 0) log('info', 'passages automatiques effectués', { count: report.taken.length });
    return report;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => log('error', 'planificateur : échec', { err: String(err) }))
        .finally(schedule);
    }, options.intervalMs ?? 60_000);
    timer.unref();
  }

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
