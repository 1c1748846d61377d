export * from './db.ts';
export * from './types.ts';
export { createEventStore, PostgresEventStore, type EventStoreOptions } from './postgres-event-store.ts';
export { createFileBlobStore, type BlobStore, type StoredBlob } from './blobs.ts';
