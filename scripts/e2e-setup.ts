// Vitest global setup of the e2e project: the browser tests drive the built apps.
import { buildApps } from './build-apps.mjs';

export default function setup() {
  buildApps();
}
