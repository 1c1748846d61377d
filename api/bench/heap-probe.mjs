// Loaded into the soak's server (`node --expose-gc --import ./api/bench/heap-probe.mjs …`): every
// 10 s, after a full collection, prints the live heap, so that the soak tells a leak (live objects
// piling up) from the heap's reserve growing (RSS only).
const collect = globalThis.gc;
setInterval(() => {
  collect?.();
  process.stdout.write(`soak-heap ${process.memoryUsage().heapUsed}\n`);
}, 10_000).unref();
