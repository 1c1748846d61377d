import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from names: the demo town gets the same ids on every start,
 * so links shared in documentation and tests keep working.
 */
export function demoUuid(...parts: string[]): string {
  const h = createHash('sha256')
    .update(['guichet-demo', ...parts].join('\u0000'))
    .digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
