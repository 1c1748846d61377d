import { startTestServer, type TestServer } from '../../../api/src/testing/test-server.ts';

/**
 * The whole product for one test file. Guichet serves the apps over plain HTTP, but adapter-node
 * assumes https unless told otherwise (ORIGIN or PROTOCOL_HEADER) and then refuses every form post
 * as cross-site. Until the runtime says so itself, the browser sends what a proxy would send.
 */
export async function startPortal(): Promise<TestServer> {
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  return startTestServer();
}

export const FORWARDED_PROTO = { 'x-forwarded-proto': 'http' };
