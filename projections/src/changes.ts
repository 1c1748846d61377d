import type { Touched } from './projection.ts';

/** What a committed batch changed; sent on NOTIFY channel `projections` and on `runner.changes$`. */
export interface ProjectionChange {
  projection: string;
  caseIds: string[];
  serviceIds: string[];
  citizenIds: string[];
  /** Global position of the last event of the batch. */
  position: number;
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7900;

/**
 * Splits a batch's change into notices whose JSON fits a NOTIFY payload. No id is dropped: a
 * large batch (catch-up) gives several notices with the same position. A batch that changed no
 * row still gives one notice: whoever waits for a position (read-your-writes) learns it is passed.
 */
export function changeNotices(
  projection: string,
  touched: Touched,
  position: number,
  maxBytes = MAX_PAYLOAD_BYTES,
): ProjectionChange[] {
  const fresh = (): ProjectionChange => ({ projection, caseIds: [], serviceIds: [], citizenIds: [], position });
  const notices: ProjectionChange[] = [];
  let current = fresh();
  let size = Buffer.byteLength(JSON.stringify(current));
  const lists = [
    ['serviceIds', touched.serviceIds],
    ['caseIds', touched.caseIds],
    ['citizenIds', touched.citizenIds],
  ] as const;
  for (const [key, ids] of lists) {
    for (const id of ids) {
      const cost = Buffer.byteLength(JSON.stringify(id)) + 1;
      if (size + cost > maxBytes && size > Buffer.byteLength(JSON.stringify(fresh()))) {
        notices.push(current);
        current = fresh();
        size = Buffer.byteLength(JSON.stringify(current));
      }
      current[key].push(id);
      size += cost;
    }
  }
  notices.push(current);
  return notices;
}
