import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../eventstore/src/testing.ts';
import { queryCitizenCases, queryCitizenHistory } from '../queries/citizen.ts';
import { queryTimeline } from '../queries/timeline.ts';
import { projectedStory, type Projected } from '../testing/setup.ts';

describe.each(testDatabases())('timeline and citizen history on $name', ({ open }) => {
  let p: Projected;
  beforeAll(async () => {
    p = await projectedStory(open);
  });
  afterAll(() => p.close());

  it('gives agents every event of a case in French, with who did it and by which channel', async () => {
    const timeline = await queryTimeline(p.db, 'case-a', { audience: 'agent' });
    expect(timeline.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(timeline.map((e) => [e.type, e.actorName, e.channel, e.internal, e.summary])).toEqual([
      ['CaseSubmitted', 'Léa Moreau-Lefèvre', 'web', false, 'Demande S-2026-00001 déposée en ligne'],
      ['CaseAcknowledged', null, 'system', false, 'Accusé de réception envoyé'],
      ['CaseAssigned', 'Marc Petit', 'web', true, 'Dossier attribué à Claire Martin'],
      [
        'InformationRequested',
        'Claire Martin',
        'web',
        false,
        "Demande d'informations complémentaires : Merci de joindre une copie de votre pièce d'identité.",
      ],
      ['MessageSent', 'Léa Moreau-Lefèvre', 'web', false, "Message de l'usager : Je l'envoie demain matin."],
      [
        'InformationProvided',
        'Léa Moreau-Lefèvre',
        'web',
        false,
        "Informations complémentaires transmises : Voici ma carte d'identité. (1 pièce jointe)",
      ],
      [
        'PhoneCallLogged',
        'Claire Martin',
        'phone',
        false,
        'Appel téléphonique entrant (5 min) : La requérante demande un envoi rapide avant son mariage',
      ],
      [
        'InternalNoteWritten',
        'Claire Martin',
        'web',
        true,
        'Note interne : Pièce vérifiée. Attention : homonyme au registre, vérifier la filiation.',
      ],
      ['WorkflowTransitioned', 'Claire Martin', 'web', false, 'Étape « recue » → « instruction »'],
      ['CaseAssigned', 'Marc Petit', 'web', true, 'Dossier réattribué à Marc Petit'],
      ['CaseDecided', 'Marc Petit', 'web', false, 'Décision : demande acceptée : Acte délivré et envoyé par courrier'],
      ['CaseClosed', 'Marc Petit', 'web', false, 'Dossier clôturé : Acte envoyé'],
      ['CaseRated', 'Léa Moreau-Lefèvre', 'web', false, "Avis de l'usager : 5/5 : Très rapide, merci !"],
      ['CaseReopened', 'Marc Petit', 'phone', false, "Dossier rouvert : Erreur sur le prénom dans l'acte"],
      [
        'MessageSent',
        'Marc Petit',
        'web',
        false,
        "Message de la mairie : Nous corrigeons l'acte et vous le renvoyons.",
      ],
    ]);
    expect(timeline[0]).toMatchObject({ actor: 'cit-lea', at: p.story.at.aSubmitted });
  });

  it('shows the citizen neither internal events nor which agent acted', async () => {
    const timeline = await queryTimeline(p.db, 'case-a', { audience: 'citizen' });
    expect(timeline.map((e) => e.type)).not.toContain('InternalNoteWritten');
    expect(timeline.map((e) => e.type)).not.toContain('CaseAssigned');
    expect(timeline).toHaveLength(12);
    expect(timeline.every((e) => e.actor === null || e.actor === 'cit-lea')).toBe(true);
    expect(JSON.stringify(timeline)).not.toMatch(/ag-claire|ag-marc|Claire|Marc Petit|homonyme/);
    const phone = timeline.find((e) => e.type === 'PhoneCallLogged');
    expect(phone).toMatchObject({ actor: null, actorName: 'Service état civil' });
    expect(timeline.find((e) => e.type === 'MessageSent')).toMatchObject({ actor: 'cit-lea', actorName: 'Vous' });
  });

  it('names the service that held the case at the time, across a transfer', async () => {
    const timeline = await queryTimeline(p.db, 'case-c', { audience: 'citizen' });
    expect(timeline.map((e) => [e.type, e.actorName])).toEqual([
      ['CaseSubmitted', 'Service état civil'],
      ['CaseTransferred', 'Service voirie'],
      ['LetterLogged', 'Service voirie'],
      ['CounterVisitLogged', 'Service voirie'],
      ['CaseAcknowledged', 'Service voirie'],
    ]);
    expect(timeline[0]?.summary).toBe('Demande S-2026-00003 déposée par téléphone');
  });

  it('gathers every contact of a citizen across requests and channels, newest first, never internal ones', async () => {
    const { items, next } = await queryCitizenHistory(p.db, 'cit-lea');
    expect(next).toBeNull();
    expect(items.map((c) => [c.reference, c.type, c.direction])).toEqual([
      ['S-2026-00001', 'MessageSent', 'to_citizen'],
      ['S-2026-00001', 'CaseReopened', 'to_citizen'],
      ['S-2026-00001', 'CaseRated', 'from_citizen'],
      ['S-2026-00001', 'CaseClosed', 'to_citizen'],
      ['S-2026-00001', 'CaseDecided', 'to_citizen'],
      ['S-2026-00001', 'PhoneCallLogged', 'from_citizen'],
      ['S-2026-00001', 'InformationProvided', 'from_citizen'],
      ['S-2026-00001', 'MessageSent', 'from_citizen'],
      ['S-2026-00001', 'InformationRequested', 'to_citizen'],
      ['S-2026-00002', 'CaseSubmitted', 'from_citizen'],
      ['S-2026-00001', 'CaseAcknowledged', 'to_citizen'],
      ['S-2026-00001', 'CaseSubmitted', 'from_citizen'],
    ]);
    expect(items[5]).toMatchObject({ channel: 'phone', procedureTitle: "Demande d'acte de naissance" });
    expect(JSON.stringify(items)).not.toMatch(/homonyme|Note interne|ag-claire|ag-marc/);
  });

  it('pages through the history and lists the requests of a citizen contacted by phone and at the counter', async () => {
    const first = await queryCitizenHistory(p.db, 'cit-jean', { limit: 3 });
    const second = await queryCitizenHistory(p.db, 'cit-jean', { limit: 3, before: first.next });
    expect([...first.items, ...second.items].map((c) => [c.reference, c.type, c.channel])).toEqual([
      ['S-2026-00005', 'CaseClosed', 'web'],
      ['S-2026-00005', 'CaseDecided', 'web'],
      ['S-2026-00005', 'CaseSubmitted', 'counter'],
      ['S-2026-00003', 'CaseAcknowledged', 'web'],
      ['S-2026-00003', 'CounterVisitLogged', 'counter'],
      ['S-2026-00003', 'LetterLogged', 'letter'],
    ]);
    const third = await queryCitizenHistory(p.db, 'cit-jean', { limit: 3, before: second.next });
    expect(third.items.map((c) => c.type)).toEqual(['CaseSubmitted']);
    expect(third.next).toBeNull();

    const cases = await queryCitizenCases(p.db, 'cit-jean');
    expect(cases.map((c) => [c.reference, c.status, c.decisionOutcome])).toEqual([
      ['S-2026-00005', 'closed', 'rejected'],
      ['S-2026-00003', 'in_progress', null],
    ]);
    expect(cases[0]).not.toHaveProperty('assignee');
    expect(await queryCitizenHistory(p.db, 'cit-inconnu')).toEqual({ items: [], next: null });
  });
});
