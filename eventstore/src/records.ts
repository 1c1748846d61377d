import type { EventMetadata, EventSchemas, RecordedEvent } from './types.ts';

/**
 * Columns every read selects (event_id is in metadata, so it is not selected twice). The xid8 comes
 * as text under another name: an alias `transaction_id` would make `order by transaction_id` sort
 * the text, putting xid 1000 before xid 999.
 */
export const EVENT_COLUMNS =
  'position, transaction_id::text as txid, stream_id, stream_version, type, schema_version, data, metadata, stored_at';

export interface EventRow {
  position: number;
  txid: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  stored_at: Date | string;
}

/** Refuses at start-up a schema whose chain of upcasters has a hole, rather than failing on read. */
export function checkSchemas(schemas: EventSchemas): void {
  for (const [type, schema] of Object.entries(schemas)) {
    if (!Number.isInteger(schema.version) || schema.version < 1) {
      throw new Error(`event schema ${type}: version must be an integer ≥ 1, got ${schema.version}`);
    }
    for (let v = 1; v < schema.version; v++) {
      if (typeof schema.upcasters?.[v] !== 'function') {
        throw new Error(`event schema ${type}: no upcaster from version ${v} to ${v + 1}`);
      }
    }
  }
}

export function currentVersion(schemas: EventSchemas, type: string): number {
  return schemas[type]?.version ?? 1;
}

export function toRecordedEvent(row: EventRow, schemas: EventSchemas): RecordedEvent {
  let data = row.data;
  let version = row.schema_version;
  const schema = schemas[row.type];
  if (schema) {
    for (; version < schema.version; version++) {
      const upcaster = schema.upcasters?.[version];
      if (!upcaster) throw new Error(`event ${row.type} v${version}: no upcaster to v${version + 1}`);
      data = upcaster(data);
    }
  }
  return {
    type: row.type,
    data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: Number(row.position),
    transactionId: row.txid,
    schemaVersion: version,
    storedAt: row.stored_at instanceof Date ? row.stored_at.toISOString() : new Date(row.stored_at).toISOString(),
  };
}
