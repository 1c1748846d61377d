import { describe, expect, it } from 'vitest';
import { readRoleGrid, roleChanges } from './roles.ts';

const services = [{ id: 'voirie' }, { id: 'etat-civil' }];

describe('the roles grid of an agent account', () => {
  it('reads ticked boxes, ignoring unknown services and roles and duplicates', () => {
    expect(
      readRoleGrid(
        ['voirie:agent', 'voirie:agent', 'etat-civil:designer', 'piscine:agent', 'voirie:maire', 'nonsense'],
        services,
      ),
    ).toEqual([
      { serviceId: 'voirie', role: 'agent' },
      { serviceId: 'etat-civil', role: 'designer' },
    ]);
  });

  it('grants what is newly ticked and revokes what was unticked, nothing else', () => {
    const held = [
      { serviceId: 'voirie', role: 'agent' },
      { serviceId: 'voirie', role: 'manager' },
    ];
    const wanted = readRoleGrid(['voirie:agent', 'etat-civil:agent'], services);
    expect(roleChanges(held, wanted)).toEqual({
      grant: [{ serviceId: 'etat-civil', role: 'agent' }],
      revoke: [{ serviceId: 'voirie', role: 'manager' }],
    });
    expect(roleChanges(held, readRoleGrid(['voirie:agent', 'voirie:manager'], services))).toEqual({
      grant: [],
      revoke: [],
    });
  });
});
