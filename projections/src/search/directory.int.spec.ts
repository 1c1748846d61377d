import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../eventstore/src/testing.ts';
import { findAccountByEmail, findCitizens, getAccount, listAgents, listServices } from '../queries/accounts.ts';
import { getProcedure, getProcedureVersion, listProcedures, listPublishedProcedures } from '../queries/procedures.ts';
import { searchCases } from '../queries/search.ts';
import { projectedStory, type Projected } from '../testing/setup.ts';

describe.each(testDatabases())('search, directory and catalogue on $name', ({ open }) => {
  let p: Projected;
  const both = ['svc-etat-civil', 'svc-voirie'];
  const found = async (f: Omit<Parameters<typeof searchCases>[1], 'serviceIds'>, serviceIds = both) =>
    (await searchCases(p.db, { serviceIds, ...f })).items.map((i) => i.id);

  beforeAll(async () => {
    p = await projectedStory(open);
  });
  afterAll(() => p.close());

  it('finds a case by a French word of its form in another inflection', async () => {
    expect(await found({ text: 'chaussées' })).toEqual(['case-b']);
    expect(await found({ text: 'nid de poule' })).toEqual(['case-b']);
    expect(await found({ text: 'chaussées' }, ['svc-etat-civil'])).toEqual([]);
  });

  it('searches exchanges, internal notes, contact names and procedure titles', async () => {
    expect(await found({ text: 'homonymes' })).toEqual(['case-a']);
    expect(await found({ text: 'mariages' })).toEqual(['case-a']);
    expect(await found({ text: 'Dupont' })).toEqual(expect.arrayContaining(['case-c', 'case-e']));
    expect((await found({ text: 'acte naissance' })).sort()).toEqual(['case-a', 'case-c', 'case-e']);
    expect(await found({ text: 'lampadaire -trottoir' })).toEqual([]);
  });

  it('ranks the best match first and combines text with filters', async () => {
    const hits = (await searchCases(p.db, { serviceIds: both, text: 'acte' })).items;
    expect(hits[0]?.rank).toBeGreaterThan(0);
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => b - a));
    expect(await found({ text: 'acte', status: 'closed' })).toEqual(['case-e']);
    expect(await found({ citizenId: 'cit-lea' })).toEqual(['case-b', 'case-a']);
    expect(await found({ reference: 's-2026-0000' })).toHaveLength(5);
    expect(await found({ reference: 'S-2026-00004' })).toEqual(['case-d']);
    expect(await found({ procedureId: 'proc-voirie', from: '2026-03-03T00:00:00.000Z' })).toEqual(['case-d']);
    expect(await found({ to: '2026-03-03T00:00:00.000Z' })).toEqual(['case-b', 'case-a']);
  });

  it('logs people in from the directory: lower-case email, hash, roles, active flag', async () => {
    const lea = await findAccountByEmail(p.db, '  LEA.moreau@example.FR ');
    expect(lea).toMatchObject({
      id: 'cit-lea',
      kind: 'citizen',
      email: 'lea.moreau@example.fr',
      passwordHash: 'hash-lea',
      active: true,
      name: 'Léa Moreau-Lefèvre',
    });
    expect(lea?.profile?.phone).toBe('0611223344');
    const marc = await findAccountByEmail(p.db, 'marc.petit@ville-s.fr');
    expect(marc?.roles).toEqual([
      { serviceId: 'svc-etat-civil', role: 'agent' },
      { serviceId: 'svc-etat-civil', role: 'manager' },
    ]);
    expect(await getAccount(p.db, 'ag-paul')).toMatchObject({
      active: false,
      roles: [{ serviceId: 'svc-voirie', role: 'agent' }],
    });
    expect(await getAccount(p.db, 'ag-paul')).not.toHaveProperty('passwordHash');
    expect(await getAccount(p.db, 'cit-jean')).toMatchObject({ email: null, kind: 'citizen' });
    expect(await findAccountByEmail(p.db, 'personne@example.fr')).toBeNull();
  });

  it('lists services and agents, and finds citizens by name without accents', async () => {
    expect(await listServices(p.db, { tenant: 'ville-s' })).toEqual([
      { id: 'svc-etat-civil', tenant: 'ville-s', name: 'Service état civil' },
      { id: 'svc-voirie', tenant: 'ville-s', name: 'Service voirie' },
    ]);
    expect((await listAgents(p.db, { serviceId: 'svc-voirie' })).map((a) => a.id)).toEqual(['ag-claire']);
    expect((await listAgents(p.db, { serviceId: 'svc-etat-civil', role: 'manager' })).map((a) => a.id)).toEqual([
      'ag-marc',
    ]);
    expect((await findCitizens(p.db, 'lefevre lea')).map((a) => a.id)).toEqual(['cit-lea']);
    expect((await findCitizens(p.db, '0320000000')).map((a) => a.id)).toEqual(['cit-jean']);
    expect(await findCitizens(p.db, 'claire')).toEqual([]);
    expect(await findCitizens(p.db, '   ')).toEqual([]);
  });

  it('publishes the catalogue: current versions, retired procedures left out, versions kept', async () => {
    const published = await listPublishedProcedures(p.db);
    expect(published.map((x) => [x.slug, x.title, x.version])).toEqual([
      ['acte-de-naissance', "Demande d'acte de naissance", 1],
      ['signalement-voirie', 'Signaler un problème sur la voie publique', 2],
    ]);
    expect((await listPublishedProcedures(p.db, { q: 'naissances' })).map((x) => x.id)).toEqual(['proc-acte']);
    expect((await listPublishedProcedures(p.db, { theme: 'Voirie' })).map((x) => x.id)).toEqual(['proc-voirie']);
    expect((await listProcedures(p.db)).map((x) => [x.id, x.retired])).toContainEqual(['proc-recensement', true]);
    const voirie = await getProcedure(p.db, 'signalement-voirie');
    expect(voirie).toMatchObject({
      id: 'proc-voirie',
      version: 2,
      access: 'anonymous',
      deadlineDays: 5,
      retired: false,
    });
    expect(voirie?.definition?.title).toBe('Signaler un problème sur la voie publique');
    expect((await getProcedureVersion(p.db, 'proc-voirie', 1))?.title).toBe('Signaler un problème de voirie');
    expect(await getProcedureVersion(p.db, 'proc-voirie', 3)).toBeNull();
    expect(await getProcedure(p.db, 'proc-recensement')).toMatchObject({
      retired: true,
      retiredReason: 'Démarche désormais nationale',
    });
  });

  it('keeps each case on the title of the version it was submitted under', async () => {
    const hits = (await searchCases(p.db, { serviceIds: both, procedureId: 'proc-voirie' })).items;
    expect(hits.map((h) => h.procedureTitle)).toEqual([
      'Signaler un problème de voirie',
      'Signaler un problème de voirie',
    ]);
  });
});
