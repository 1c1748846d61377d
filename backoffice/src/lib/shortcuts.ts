/** Keyboard shortcuts: single keys, never while the agent is typing or holding a modifier. */
export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function runShortcut(event: KeyboardEvent, map: ShortcutMap): void {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target)) return;
  const fn = map[event.key];
  if (!fn) return;
  event.preventDefault();
  fn(event);
}

/** The documented list, shown on the « Raccourcis » help. */
export const SHORTCUTS: { keys: string[]; where: string; what: string }[] = [
  { keys: ['/'], where: 'Partout', what: 'Aller au champ de recherche' },
  { keys: ['?'], where: 'Partout', what: 'Afficher cette aide' },
  { keys: ['g', 'f'], where: 'Partout', what: 'Aller à la file d’attente (g puis f)' },
  { keys: ['g', 'n'], where: 'Partout', what: 'Enregistrer une nouvelle demande (g puis n)' },
  { keys: ['j'], where: 'File d’attente', what: 'Demande suivante' },
  { keys: ['k'], where: 'File d’attente', what: 'Demande précédente' },
  { keys: ['Entrée'], where: 'File d’attente', what: 'Ouvrir la demande sélectionnée' },
  { keys: ['p'], where: 'Demande', what: 'Prendre la demande (me l’attribuer)' },
  { keys: ['n'], where: 'Demande', what: 'Écrire une note interne' },
  { keys: ['a'], where: 'Demande', what: 'Enregistrer un appel téléphonique' },
  { keys: ['m'], where: 'Demande', what: 'Envoyer un message au demandeur' },
  { keys: ['c'], where: 'Demande', what: 'Demander un complément d’information' },
  { keys: ['h'], where: 'Demande', what: 'Aller à l’historique' },
  { keys: ['Échap'], where: 'Partout', what: 'Fermer l’aide ou quitter un champ' },
];
