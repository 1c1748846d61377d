/**
 * Benchmark 5, run as its own process while benchmark 3 loads the server: how long from an agent's
 * command until (a) the agent queue's live feed says the case row changed and (b) the citizen's
 * live page receives the new message. Times start when the command is sent (an upper bound of
 * "from accepted"). Prints one JSON line: `{command, queue, citizen}` runs.
 * Usage: node --import tsx api/bench/probe.ts <url> <seconds>
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarize } from '../../eventstore/bench/lib.ts';
import { keepAliveClient } from './http-client.ts';
import { POTHOLE } from './workload.ts';

type Listener = (event: string, data: any) => void;

/** Opens an SSE stream; calls `onMessage` for each message as it is parsed. */
function sse(url: string, token: string, onMessage: Listener): () => void {
  const req = request(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = 'message';
        let data: string | null = null;
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data = line.slice(5).trim();
        }
        if (data !== null) onMessage(event, JSON.parse(data));
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return () => req.destroy();
}

export async function probe(url: string, seconds: number) {
  const api = keepAliveClient(url, 4);
  const citizen = await api.login('citoyen@demo.guichet.test');
  const agent = await api.login('agent@demo.guichet.test');
  const { id: caseId } = await api.ok(
    'POST',
    '/api/v1/cases',
    { procedureId: 'signalement-voirie', data: POTHOLE },
    citizen,
  );

  let pending: { text: string; queueAt: number | null; citizenAt: number | null; done: () => void } | null = null;
  const settle = () => pending && pending.queueAt !== null && pending.citizenAt !== null && pending.done();
  const closeQueue = sse(`${url}/api/v1/queues/live`, agent, (event, data) => {
    if (pending && pending.queueAt === null && event === 'case' && data.caseIds?.includes(caseId)) {
      pending.queueAt = performance.now();
      settle();
    }
  });
  const closeCitizen = sse(`${url}/api/v1/cases/${caseId}/live`, citizen, (event, data) => {
    if (pending && pending.citizenAt === null && event === 'timeline' && data.data?.text === pending.text) {
      pending.citizenAt = performance.now();
      settle();
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  // A first message, not counted, until both feeds carry it: under load the streams may take longer
  // than the wait above to be subscribed, and a message sent before would never reach them.
  for (let warm = 0; warm < 10; warm++) {
    const text = `Sonde : mise en route ${warm}.`;
    const arrived = new Promise<void>((done) => (pending = { text, queueAt: null, citizenAt: null, done }));
    await api.ok('POST', `/api/v1/cases/${caseId}/messages`, { message: text }, agent);
    const ready = await Promise.race([arrived.then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]);
    pending = null;
    if (ready) break;
  }

  const command: number[] = [];
  const queue: number[] = [];
  const citizenLatencies: number[] = [];
  let lost = 0;
  const start = performance.now();
  for (let i = 0; performance.now() - start < seconds * 1000; i++) {
    const text = `Sonde ${i} : message de la mairie.`;
    const t0 = performance.now();
    const arrived = new Promise<void>((done) => (pending = { text, queueAt: null, citizenAt: null, done }));
    await api.ok('POST', `/api/v1/cases/${caseId}/messages`, { message: text }, agent);
    command.push(performance.now() - t0);
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000));
    if ((await Promise.race([arrived, timeout])) === 'timeout') lost++;
    const p = pending as unknown as { queueAt: number | null; citizenAt: number | null };
    if (p.queueAt !== null) queue.push(p.queueAt - t0);
    if (p.citizenAt !== null) citizenLatencies.push(p.citizenAt - t0);
    pending = null;
    await new Promise((r) => setTimeout(r, 100));
  }
  const elapsed = (performance.now() - start) / 1000;
  closeQueue();
  closeCitizen();
  api.close();
  return {
    command: summarize(command, elapsed),
    queue: summarize(queue, elapsed),
    citizen: summarize(citizenLatencies, elapsed),
    lost,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await probe(process.argv[2]!, Number(process.argv[3] ?? 10));
  console.log(JSON.stringify(result));
  process.exit(0);
}
