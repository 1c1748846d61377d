import type { Profile, ServiceRole } from '@guichet/domain';
import { demoUuid } from './ids.ts';

/** Every demo account shares this password; the demo is never created in production. */
export const DEMO_PASSWORD = 'guichet-demo';

export interface DemoCitizenAccount {
  kind: 'citizen';
  id: string;
  email: string;
  profile: Profile;
}

export interface DemoAgentAccount {
  kind: 'agent';
  id: string;
  email: string;
  name: string;
  roles: ServiceRole[];
  /** A third party (no service role): procedure categories delegated to them, under moderation. */
  delegations?: { category: string; organisation: string }[];
}

export type DemoAccount = DemoCitizenAccount | DemoAgentAccount;

const SERVICES = ['etat-civil', 'education', 'voirie'] as const;
const everywhere = (...roles: ServiceRole['role'][]): ServiceRole[] =>
  SERVICES.flatMap((serviceId) => roles.map((role) => ({ serviceId, role })));

function citizen(email: string, profile: Omit<Profile, 'email'>): DemoCitizenAccount {
  return { kind: 'citizen', id: demoUuid('citizen', email), email, profile: { ...profile, email } };
}

function agent(email: string, name: string, roles: ServiceRole[]): DemoAgentAccount {
  return { kind: 'agent', id: demoUuid('agent', email), email, name, roles };
}

export const CITIZEN = citizen('citoyen@demo.guichet.test', {
  firstName: 'Marie',
  lastName: 'Dupont',
  phone: '06 12 34 56 78',
  address: { street: '12 rue des Tilleuls', postalCode: '99000', city: 'S.' },
});
export const AGENT = agent('agent@demo.guichet.test', 'Claire Dubois', everywhere('agent'));
export const MANAGER = agent('responsable@demo.guichet.test', 'Marc Lefèvre', everywhere('manager'));
/** The administrator also designs the procedures of every service. */
export const ADMIN = agent('admin@demo.guichet.test', 'Sophie Bernard', everywhere('admin', 'designer'));

/** Not town staff: the president of an association drafts the procedures of one category, under moderation. */
export const DELEGATE: DemoAgentAccount = {
  ...agent('delegue@demo.guichet.test', 'Jacqueline Roux', []),
  delegations: [{ category: 'voirie-cadre-de-vie', organisation: 'Les Amis du Parc' }],
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  CITIZEN,
  citizen('jean.petit@demo.guichet.test', {
    firstName: 'Jean',
    lastName: 'Petit',
    phone: '06 98 76 54 32',
    address: { street: '4 place de la Mairie', postalCode: '99000', city: 'S.' },
  }),
  citizen('fatima.haddad@demo.guichet.test', {
    firstName: 'Fatima',
    lastName: 'Haddad',
    phone: '07 61 22 83 40',
    address: { street: '27 avenue Victor-Hugo', postalCode: '99000', city: 'S.' },
  }),
  citizen('luc.garnier@demo.guichet.test', {
    firstName: 'Luc',
    lastName: 'Garnier',
    phone: '06 45 10 77 29',
    address: { street: '8 impasse des Lilas', postalCode: '99000', city: 'S.' },
  }),
  AGENT,
  MANAGER,
  ADMIN,
  agent('karim.benali@demo.guichet.test', 'Karim Benali', [{ serviceId: 'etat-civil', role: 'agent' }]),
  agent('julie.moreau@demo.guichet.test', 'Julie Moreau', [{ serviceId: 'voirie', role: 'agent' }]),
  DELEGATE,
];

export const demoCitizens = (): DemoCitizenAccount[] => DEMO_ACCOUNTS.filter((a) => a.kind === 'citizen');
export const demoAgents = (): DemoAgentAccount[] => DEMO_ACCOUNTS.filter((a) => a.kind === 'agent');

/**
 * Residents without an account whom agents record when they call, write or come to the counter
 * (often older residents): they still have a history with the town.
 */
export const DEMO_CONTACTS: { id: string; profile: Profile }[] = [
  {
    id: demoUuid('contact', 'yvette.rousseau'),
    profile: {
      firstName: 'Yvette',
      lastName: 'Rousseau',
      phone: '03 88 12 45 67',
      address: { street: '15 rue du Moulin', postalCode: '99000', city: 'S.' },
    },
  },
  {
    id: demoUuid('contact', 'henri.lambert'),
    profile: {
      firstName: 'Henri',
      lastName: 'Lambert',
      phone: '03 88 40 21 09',
      address: { street: '3 chemin des Vignes', postalCode: '99000', city: 'S.' },
    },
  },
  {
    id: demoUuid('contact', 'nadia.mercier'),
    profile: {
      firstName: 'Nadia',
      lastName: 'Mercier',
      email: 'nadia.mercier@exemple.fr',
      phone: '06 33 71 58 02',
      address: { street: '51 boulevard de la République', postalCode: '99000', city: 'S.' },
    },
  },
];
