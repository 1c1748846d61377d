/** Stream ids are `<category>-<id>`; categories let subscribers filter without reading data. */
export const caseStreamId = (caseId: string): string => `case-${caseId}`;
export const procedureStreamId = (procedureId: string): string => `procedure-${procedureId}`;
export const citizenStreamId = (citizenId: string): string => `citizen-${citizenId}`;
export const agentStreamId = (agentId: string): string => `agent-${agentId}`;
export const serviceStreamId = (serviceId: string): string => `service-${serviceId}`;
export const tenantStreamId = (tenant: string): string => `tenant-${tenant}`;

/** Splits a stream id at its first hyphen: ids themselves may contain hyphens (UUIDs). */
export function parseStreamId(streamId: string): { category: string; id: string } {
  const at = streamId.indexOf('-');
  return at < 0 ? { category: streamId, id: '' } : { category: streamId.slice(0, at), id: streamId.slice(at + 1) };
}
