import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeNotices } from './changes.ts';
import { emptyTouched } from './projection.ts';

describe('change notices', () => {
  it('still tells the position reached when a batch changed no row', () => {
    expect(changeNotices('accounts', emptyTouched(), 12)).toEqual([
      { projection: 'accounts', caseIds: [], serviceIds: [], citizenIds: [], position: 12 },
    ]);
  });

  it('fits one small change in one notice', () => {
    const touched = emptyTouched();
    touched.caseIds.add('case-a');
    touched.citizenIds.add('cit-lea');
    expect(changeNotices('cases', touched, 12)).toEqual([
      { projection: 'cases', caseIds: ['case-a'], serviceIds: [], citizenIds: ['cit-lea'], position: 12 },
    ]);
  });

  it('splits a large batch into NOTIFY-sized notices without losing an id', () => {
    const touched = emptyTouched();
    for (let i = 0; i < 500; i++) {
      touched.caseIds.add(randomUUID());
      touched.citizenIds.add(randomUUID());
    }
    touched.serviceIds.add('svc-état-civil');
    const notices = changeNotices('cases', touched, 99);
    expect(notices.length).toBeGreaterThan(1);
    for (const n of notices) {
      expect(Buffer.byteLength(JSON.stringify(n))).toBeLessThan(8000);
      expect(n).toMatchObject({ projection: 'cases', position: 99 });
    }
    expect(notices.flatMap((n) => n.caseIds).sort()).toEqual([...touched.caseIds].sort());
    expect(notices.flatMap((n) => n.citizenIds).sort()).toEqual([...touched.citizenIds].sort());
    expect(notices.flatMap((n) => n.serviceIds)).toEqual(['svc-état-civil']);
  });
});
