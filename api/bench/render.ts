/** Rewrites the tables of docs/benchmarks.md from api/bench/results/latest.json, without measuring again. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './child.ts';
import { renderBench, writeSection, type BenchResults } from './report.ts';

const results = JSON.parse(readFileSync(join(ROOT, 'api/bench/results/latest.json'), 'utf8')) as BenchResults;
writeSection('bench', renderBench(results));
