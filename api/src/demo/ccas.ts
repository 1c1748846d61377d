import { deflateSync } from 'node:zlib';
import {
  agentDecider,
  agentStreamId,
  organisationDecider,
  serviceStreamId,
  tenantStreamId,
  type Actor,
  type DocumentRef,
  type ProcedureDefinition,
} from '@guichet/domain';
import type { BlobStore, EventStore } from '@guichet/eventstore';
import { DEMO_PASSWORD, type DemoAgentAccount } from './accounts.ts';
import { demoUuid } from './ids.ts';
import { options, state, transition } from './kit.ts';
import { Ledger, type Act } from './ledger.ts';
import { DAY, HOUR } from './timeline.ts';
import { definePublished } from './town.ts';

/**
 * The second organisation of the demo installation: « CCAS de S. », the town's social action
 * centre, with its own service, procedures, administrator and branding. Residents use the same
 * account for the town and for the CCAS.
 */
export const DEMO_CCAS = {
  id: 'ccas-de-s',
  name: 'CCAS de S.',
  service: { id: 'ccas-aide-sociale', name: 'Aide sociale et solidarité' },
  branding: {
    name: 'CCAS de S.',
    tagline: "Centre communal d'action sociale — aides, accompagnement, solidarité",
    primaryColour: '#00665e',
    accentColour: '#8a1538',
  },
} as const;

export const CCAS_ADMIN: DemoAgentAccount = {
  kind: 'agent',
  id: demoUuid('agent', 'admin.ccas@demo.guichet.test'),
  email: 'admin.ccas@demo.guichet.test',
  name: 'Nadia Haddad',
  roles: [
    { serviceId: DEMO_CCAS.service.id, role: 'admin' },
    { serviceId: DEMO_CCAS.service.id, role: 'designer' },
    { serviceId: DEMO_CCAS.service.id, role: 'agent' },
  ],
};

const AIDE_FACULTATIVE: ProcedureDefinition = {
  title: "Demande d'aide sociale facultative",
  description:
    'Une aide ponctuelle (alimentation, énergie, frais imprévus) quand le budget du foyer ne suffit plus. Un travailleur social vous rappelle pour étudier votre situation.',
  theme: 'solidarite',
  serviceId: DEMO_CCAS.service.id,
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: ['Justificatif de ressources des trois derniers mois'],
  fields: [
    {
      name: 'nature',
      type: 'select',
      label: "Nature de l'aide demandée",
      required: true,
      options: options(
        ['alimentaire', 'Aide alimentaire'],
        ['energie', "Facture d'énergie"],
        ['imprevu', 'Dépense imprévue'],
      ),
    },
    {
      name: 'foyer',
      type: 'number',
      label: 'Nombre de personnes au foyer',
      required: true,
      rules: { min: 1, max: 20 },
    },
    {
      name: 'situation',
      type: 'textarea',
      label: 'Votre situation en quelques mots',
      required: true,
      rules: { minLength: 10, maxLength: 2000 },
    },
  ],
  workflow: {
    initial: 'recue',
    states: [
      state('recue', 'Reçue', 'Demande reçue'),
      state('instruction', 'En instruction', 'Étude de votre situation'),
      state('accordee', 'Accordée', 'Aide accordée', { final: true }),
      state('refusee', 'Refusée', 'Aide refusée', { final: true }),
    ],
    transitions: [
      transition(
        'instruire',
        "Commencer l'instruction",
        'recue',
        'instruction',
        'Un travailleur social étudie votre demande.',
      ),
      transition('accorder', "Accorder l'aide", 'instruction', 'accordee', "L'aide vous est accordée."),
      transition('refuser', "Refuser l'aide", 'instruction', 'refusee'),
    ],
  },
};

const RENDEZ_VOUS_SOCIAL: ProcedureDefinition = {
  title: 'Rendez-vous avec un travailleur social',
  description: 'Demandez un rendez-vous au CCAS pour être accompagné dans vos démarches (logement, budget, droits).',
  theme: 'solidarite',
  serviceId: DEMO_CCAS.service.id,
  deadlineDays: 7,
  access: 'account',
  documentsToProvide: [],
  fields: [
    {
      name: 'motif',
      type: 'select',
      label: 'Motif',
      required: true,
      options: options(
        ['logement', 'Logement'],
        ['budget', 'Budget'],
        ['droits', 'Accès aux droits'],
        ['autre', 'Autre'],
      ),
    },
    {
      name: 'disponibilites',
      type: 'textarea',
      label: 'Vos disponibilités',
      required: true,
      rules: { minLength: 5, maxLength: 500 },
    },
  ],
  workflow: {
    initial: 'demande',
    states: [
      state('demande', 'Demandé', 'Demande de rendez-vous reçue'),
      state('fixe', 'Rendez-vous fixé', 'Rendez-vous fixé', { final: true }),
    ],
    transitions: [transition('fixer', 'Fixer le rendez-vous', 'demande', 'fixe', 'Votre rendez-vous est fixé.')],
  },
};

export const CCAS_PROCEDURES = [
  {
    id: demoUuid('procedure', 'aide-sociale-facultative'),
    slug: 'aide-sociale-facultative',
    definition: AIDE_FACULTATIVE,
  },
  {
    id: demoUuid('procedure', 'rendez-vous-travailleur-social'),
    slug: 'rendez-vous-travailleur-social',
    definition: RENDEZ_VOUS_SOCIAL,
  },
];

/** A small PNG, drawn here so the demo carries no binary file: two bands in the CCAS colours. */
export function ccasLogoPng(size = 96): Buffer {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [top, bottom] = [rgb(DEMO_CCAS.branding.primaryColour), rgb(DEMO_CCAS.branding.accentColour)];
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const off = y * (1 + size * 3);
    for (let x = 0; x < size; x++) {
      const inCircle = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 5) ** 2;
      const c = inCircle ? [255, 255, 255] : y < size / 2 ? top! : bottom!;
      rows.set(c as number[], off + 1 + x * 3);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function isCcasSeeded(store: EventStore): Promise<boolean> {
  // Its branding is written last: the CCAS counts as seeded once it is complete.
  return (await store.streamVersion(tenantStreamId(DEMO_CCAS.id))) > 1;
}

/**
 * Seeds the CCAS next to the town (call it when `isCcasSeeded` is false). Kept apart from the
 * town's seed so the town's own figures (services, staff, requests) stay what they were.
 */
export async function seedCcas(options: {
  store: EventStore;
  now: Date;
  hashPassword: (password: string) => Promise<string>;
  blobs?: BlobStore;
}): Promise<{ events: number }> {
  const ledger = new Ledger(options.store, DEMO_CCAS.id);
  const t0 = options.now.getTime() - 80 * DAY;
  const system = (at: number, key: string): Act => ({
    actor: { kind: 'system' },
    channel: 'system',
    at,
    commandKey: `ccas-${key}`,
  });
  const admin: Actor = { kind: 'agent', id: CCAS_ADMIN.id, roles: CCAS_ADMIN.roles };
  const s = DEMO_CCAS.service;
  await ledger.run(
    tenantStreamId(DEMO_CCAS.id),
    organisationDecider,
    { type: 'CreateTenant', data: { tenant: DEMO_CCAS.id, name: DEMO_CCAS.name } },
    system(t0, 'tenant'),
  );
  await ledger.run(
    serviceStreamId(s.id),
    organisationDecider,
    { type: 'CreateService', data: { serviceId: s.id, name: s.name } },
    system(t0 + 60_000, 'service'),
  );
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  const agent = agentStreamId(CCAS_ADMIN.id);
  await ledger.run(
    agent,
    agentDecider,
    {
      type: 'CreateAgentAccount',
      data: { agentId: CCAS_ADMIN.id, email: CCAS_ADMIN.email, name: CCAS_ADMIN.name, passwordHash },
    },
    system(t0 + HOUR, 'admin'),
  );
  for (const r of CCAS_ADMIN.roles) {
    await ledger.run(
      agent,
      agentDecider,
      { type: 'GrantRole', data: r },
      system(t0 + HOUR + 60_000, `grant-${r.role}`),
    );
  }
  for (const [i, p] of CCAS_PROCEDURES.entries()) {
    const act = (step: string, at: number): Act => ({
      actor: admin,
      channel: 'web',
      at,
      commandKey: `ccas-${step}-${p.slug}`,
      role: 'designer',
    });
    await definePublished(ledger, p, act, t0 + DAY + i * HOUR, 30 * 60_000);
  }
  let logo: DocumentRef | null = null;
  if (options.blobs) {
    const bytes = ccasLogoPng();
    const { sha256, size } = await options.blobs.put(bytes);
    logo = {
      documentId: demoUuid('logo', DEMO_CCAS.id),
      fileName: 'logo-ccas.png',
      mediaType: 'image/png',
      size,
      sha256,
    };
  }
  await ledger.run(
    tenantStreamId(DEMO_CCAS.id),
    organisationDecider,
    { type: 'SetTenantBranding', data: { ...DEMO_CCAS.branding, logo } },
    { actor: admin, channel: 'web', at: t0 + 2 * DAY, commandKey: 'ccas-branding', role: 'admin' },
  );
  return { events: ledger.events };
}
