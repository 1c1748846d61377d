import type { Queryable } from '../../../eventstore/src/db.ts';

/** Counts from 1 to 4 are never published: they could single out a resident. */
export const SUPPRESS_BELOW = 5;

export interface OpenColumn {
  name: string;
  type: 'texte' | 'entier' | 'décimal' | 'mois';
  description: string;
}

export interface OpenDataset {
  name: string;
  title: string;
  description: string;
  columns: OpenColumn[];
}

const MONTH: OpenColumn = { name: 'mois', type: 'mois', description: 'Mois (AAAA-MM, heure de Paris).' };
const TOWN: OpenColumn = {
  name: 'collectivite',
  type: 'texte',
  description: 'Collectivité (commune, CCAS, intercommunalité).',
};
const SECRET = `Vide quand la valeur repose sur moins de ${SUPPRESS_BELOW} demandes (secret statistique).`;

export const OPEN_DATASETS: Record<string, OpenDataset> = {
  'demandes-par-mois': {
    name: 'demandes-par-mois',
    title: 'Demandes reçues et traitées par mois et par démarche',
    description: 'Volumes, respect des délais et délai médian de traitement, par mois, service et démarche.',
    columns: [
      MONTH,
      TOWN,
      { name: 'service', type: 'texte', description: 'Service de la collectivité qui traite la demande.' },
      { name: 'demarche', type: 'texte', description: 'Démarche (intitulé public).' },
      {
        name: 'demandes_recues',
        type: 'entier',
        description: `Demandes déposées dans le mois, tous canaux. ${SECRET}`,
      },
      {
        name: 'demandes_cloturees',
        type: 'entier',
        description: `Clôtures dans le mois (une demande rouverte puis reclôturée compte deux fois). ${SECRET}`,
      },
      {
        name: 'cloturees_dans_le_delai',
        type: 'entier',
        description: `Clôtures intervenues avant l'échéance de la démarche (attente de l'usager déduite). ${SECRET}`,
      },
      {
        name: 'part_dans_le_delai',
        type: 'décimal',
        description: `cloturees_dans_le_delai / demandes_cloturees, entre 0 et 1. ${SECRET}`,
      },
      {
        name: 'delai_median_jours_ouvres',
        type: 'décimal',
        description: `Délai médian entre dépôt et clôture, en jours ouvrés (hors week-ends, jours fériés et attente de l'usager). ${SECRET}`,
      },
    ],
  },
  'canaux-par-mois': {
    name: 'canaux-par-mois',
    title: 'Demandes et contacts par canal et par mois',
    description: 'Par quel canal les habitants s’adressent à la collectivité.',
    columns: [
      MONTH,
      TOWN,
      { name: 'canal', type: 'texte', description: 'En ligne, Téléphone, Courriel, Courrier, Accueil / guichet.' },
      { name: 'demandes_recues', type: 'entier', description: `Demandes déposées par ce canal. ${SECRET}` },
      {
        name: 'contacts',
        type: 'entier',
        description: `Échanges avec les habitants par ce canal (dépôts, messages, appels, courriers, passages au guichet). ${SECRET}`,
      },
    ],
  },
  'satisfaction-par-mois': {
    name: 'satisfaction-par-mois',
    title: 'Satisfaction des usagers par mois et par service',
    description: 'Avis laissés par les usagers (note de 1 à 5) après le traitement de leur demande.',
    columns: [
      MONTH,
      TOWN,
      { name: 'service', type: 'texte', description: 'Service ayant traité la demande.' },
      { name: 'avis', type: 'entier', description: `Nombre d'avis donnés dans le mois. ${SECRET}` },
      { name: 'note_moyenne', type: 'décimal', description: `Note moyenne sur 5. ${SECRET}` },
    ],
  },
};

const CHANNEL_LABELS: Record<string, string> = {
  web: 'En ligne',
  phone: 'Téléphone',
  email: 'Courriel',
  letter: 'Courrier',
  counter: 'Accueil / guichet',
};

type Cell = string | number | null;

/** A count, or null when it is between 1 and SUPPRESS_BELOW - 1. */
export const publishable = (n: number): number | null => (n > 0 && n < SUPPRESS_BELOW ? null : n);
const figure = (value: number | null, basis: number, digits: number): number | null =>
  value === null || basis < SUPPRESS_BELOW ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const QUERIES: Record<string, string> = {
  'demandes-par-mois': `
    with flows as (
      select tenant, service_id, procedure_id, to_char(day, 'YYYY-MM') as month,
             sum(received)::int as received, sum(closed)::int as closed, sum(closed_on_time)::int as on_time
        from rm_ind_daily group by 1, 2, 3, 4),
    closures as (
      select tenant, service_id, procedure_id, to_char(closed_day, 'YYYY-MM') as month, count(*)::int as n,
             percentile_cont(0.5) within group (order by closure_hours) / 24 as median
        from rm_ind_cases where closed_day is not null group by 1, 2, 3, 4)
    select f.month, coalesce(t.name, f.tenant) as town, coalesce(s.name, f.service_id) as service,
           coalesce(p.title, f.procedure_id) as procedure, f.received, f.closed, f.on_time,
           coalesce(c.n, 0) as median_basis, c.median
      from flows f
      left join closures c using (tenant, service_id, procedure_id, month)
      left join rm_tenants t on t.id = f.tenant
      left join rm_services s on s.id = f.service_id
      left join rm_procedures p on p.id = f.procedure_id
     order by 1, 2, 3, 4`,
  'canaux-par-mois': `
    with requests as (select tenant, channel, to_char(day, 'YYYY-MM') as month, sum(received)::int as received from rm_ind_daily group by 1, 2, 3),
         contacts as (select tenant, channel, to_char(day, 'YYYY-MM') as month, count(*)::int as contacts from rm_ind_contacts group by 1, 2, 3)
    select month, coalesce(t.name, x.tenant) as town, x.channel, coalesce(r.received, 0) as received, coalesce(c.contacts, 0) as contacts
      from (select tenant, channel, month from requests union select tenant, channel, month from contacts) x
      left join requests r using (tenant, channel, month)
      left join contacts c using (tenant, channel, month)
      left join rm_tenants t on t.id = x.tenant
     order by 1, 2, 3`,
  'satisfaction-par-mois': `
    select to_char(c.rated_day, 'YYYY-MM') as month, coalesce(t.name, c.tenant) as town, coalesce(s.name, c.service_id) as service,
           count(*)::int as n, avg(c.rating_score)::float8 as mean
      from rm_ind_cases c
      left join rm_tenants t on t.id = c.tenant
      left join rm_services s on s.id = c.service_id
     where c.rating_score is not null
     group by 1, 2, 3 order by 1, 2, 3`,
};

/** The rows of an open-data dataset, aggregated and with small counts suppressed. */
export async function openDataRows(db: Queryable, name: string): Promise<{ header: string[]; rows: Cell[][] } | null> {
  const dataset = OPEN_DATASETS[name];
  const sql = QUERIES[name];
  if (!dataset || !sql) return null;
  const { rows } = await db.query<Record<string, unknown>>(sql);
  const n = (v: unknown) => Number(v ?? 0);
  const out = rows.map((r): Cell[] => {
    if (name === 'demandes-par-mois') {
      const closed = n(r.closed);
      return [
        String(r.month),
        String(r.town),
        String(r.service),
        String(r.procedure),
        publishable(n(r.received)),
        publishable(closed),
        closed < SUPPRESS_BELOW ? null : n(r.on_time),
        figure(closed > 0 ? n(r.on_time) / closed : null, closed, 4),
        figure(r.median === null ? null : n(r.median), n(r.median_basis), 1),
      ];
    }
    if (name === 'canaux-par-mois') {
      return [
        String(r.month),
        String(r.town),
        CHANNEL_LABELS[String(r.channel)] ?? String(r.channel),
        publishable(n(r.received)),
        publishable(n(r.contacts)),
      ];
    }
    return [String(r.month), String(r.town), String(r.service), publishable(n(r.n)), figure(n(r.mean), n(r.n), 2)];
  });
  return { header: dataset.columns.map((c) => c.name), rows: out };
}

/** The data dictionary of every open dataset: one line per column. */
export function openDataDictionary(): { header: string[]; rows: string[][] } {
  return {
    header: ['jeu_de_donnees', 'titre', 'colonne', 'type', 'description'],
    rows: Object.values(OPEN_DATASETS).flatMap((d) =>
      d.columns.map((c) => [d.name, d.title, c.name, c.type, c.description]),
    ),
  };
}
