import { caseStream, newEvent } from './contract-helpers.ts';
import type { EventStore, NewEvent } from './types.ts';

/** Workload of the contract suite's no-skip test: writers racing on their own streams. */
export interface WriterPlan {
  writers: number;
  total: number;
  streamsPerWriter: number;
  /** Appends carry 1 to maxBatch events. */
  maxBatch: number;
}

export interface WrittenStream {
  streamId: string;
  eventIds: string[];
}

/** Runs the writers concurrently; each appends with the exact expected version of its stream. */
export async function runWriters(
  store: EventStore,
  plan: WriterPlan,
): Promise<{ streams: WrittenStream[]; appends: number }> {
  let appends = 0;
  const perWriter = Math.ceil(plan.total / plan.writers);
  const writer = async (w: number): Promise<WrittenStream[]> => {
    const streams = Array.from({ length: plan.streamsPerWriter }, () => ({
      streamId: caseStream(),
      eventIds: [] as string[],
    }));
    let quota = Math.min(perWriter, plan.total - w * perWriter);
    for (let i = 0; quota > 0; i++) {
      const stream = streams[i % streams.length]!;
      // A deterministic mix of single events and batches, different for each writer.
      const size = Math.min(quota, 1 + ((i * 7 + w) % plan.maxBatch));
      const events: NewEvent[] = Array.from({ length: size }, (_, k) =>
        newEvent('NoteAdded', { writer: w, turn: i, k }),
      );
      await store.append(stream.streamId, events, stream.eventIds.length);
      stream.eventIds.push(...events.map((e) => e.metadata.eventId));
      quota -= size;
      appends++;
    }
    return streams;
  };
  const streams = (await Promise.all(Array.from({ length: plan.writers }, (_, w) => writer(w)))).flat();
  return { streams, appends };
}
