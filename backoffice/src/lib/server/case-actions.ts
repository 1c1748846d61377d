import { redirect, type RequestEvent } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api } from './api';
import { uploadDocument } from './documents';
import { file, invalid, refusal, text, valuesOf } from './forms';

/** What a form turns into: an API call, or the fields to correct first. */
type Built =
  | { path: string; body: Record<string, unknown>; channel?: string; success: string }
  | { errors: Record<string, string> };

interface Ctx {
  fd: FormData;
  token: string | null;
}

type Builder = (ctx: Ctx) => Promise<Built> | Built;

const required = (fd: FormData, fields: Record<string, string>): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) if (!text(fd, name)) errors[name] = message;
  return errors;
};
const none = (errors: Record<string, string>) => Object.keys(errors).length === 0;
const direction = (fd: FormData) => (text(fd, 'direction') === 'outbound' ? 'outbound' : 'inbound');
const AGENT_CHANNELS = ['phone', 'letter', 'email', 'counter'];

async function documentsOf(ctx: Ctx, field: string): Promise<string[]> {
  const f = file(ctx.fd, field);
  return f ? [(await uploadDocument(ctx.token, f, field)).documentId] : [];
}

/** The route, body and success message of every action of the request page. */
const BUILDERS: Record<string, Builder> = {
  take: () => ({ path: 'assign', body: { assignee: 'me' }, success: 'La demande vous est attribuée.' }),
  assign: ({ fd }) => {
    const errors = required(fd, { assignee: 'Choisissez un agent.' });
    return none(errors)
      ? { path: 'assign', body: { assignee: text(fd, 'assignee') }, success: 'Demande attribuée.' }
      : { errors };
  },
  unassign: () => ({ path: 'unassign', body: {}, success: 'La demande n’est plus attribuée.' }),
  acknowledge: () => ({ path: 'acknowledge', body: {}, success: 'Prise en compte enregistrée.' }),
  transfer: ({ fd }) => {
    const errors = required(fd, {
      serviceId: 'Choisissez le service destinataire.',
      reason: 'Indiquez le motif du transfert.',
    });
    return none(errors)
      ? {
          path: 'transfer',
          body: { serviceId: text(fd, 'serviceId'), reason: text(fd, 'reason') },
          success: 'Demande transférée.',
        }
      : { errors };
  },
  requestInformation: ({ fd }) => {
    const errors = required(fd, { message: 'Précisez ce qui manque au dossier.' });
    return none(errors)
      ? {
          path: 'request-information',
          body: { message: text(fd, 'message') },
          success: 'Demande de complément envoyée. Le délai est suspendu.',
        }
      : { errors };
  },
  recordAnswer: async (ctx) => {
    const errors = required(ctx.fd, { message: 'Résumez la réponse du demandeur.' });
    if (!none(errors)) return { errors };
    const channel = text(ctx.fd, 'channel');
    return {
      path: 'provide-information',
      body: { message: text(ctx.fd, 'message'), documents: await documentsOf(ctx, 'file') },
      channel: AGENT_CHANNELS.includes(channel) ? channel : 'counter',
      success: 'Réponse du demandeur enregistrée. Le délai reprend.',
    };
  },
  message: async (ctx) => {
    const errors = required(ctx.fd, { message: 'Écrivez votre message.' });
    if (!none(errors)) return { errors };
    return {
      path: 'messages',
      body: { message: text(ctx.fd, 'message'), documents: await documentsOf(ctx, 'file') },
      success: 'Message envoyé au demandeur.',
    };
  },
  phoneCall: ({ fd }) => {
    const errors = required(fd, { summary: 'Résumez l’appel.' });
    const raw = text(fd, 'minutes').replace(',', '.');
    const minutes = raw === '' ? 0 : Number(raw);
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > 1440)
      errors.minutes = 'Indiquez une durée en minutes, par exemple 5 ou 2,5.';
    if (!none(errors)) return { errors };
    return {
      path: 'phone-calls',
      body: { direction: direction(fd), durationSeconds: Math.round(minutes * 60), summary: text(fd, 'summary') },
      channel: 'phone',
      success: 'Appel enregistré.',
    };
  },
  letter: async (ctx) => {
    const errors = required(ctx.fd, { summary: 'Résumez le courrier.' });
    if (!none(errors)) return { errors };
    return {
      path: 'letters',
      body: {
        direction: direction(ctx.fd),
        summary: text(ctx.fd, 'summary'),
        documents: await documentsOf(ctx, 'scan'),
      },
      channel: 'letter',
      success: 'Courrier enregistré.',
    };
  },
  visit: ({ fd }) => {
    const errors = required(fd, { summary: 'Résumez l’échange au guichet.' });
    return none(errors)
      ? {
          path: 'visits',
          body: { summary: text(fd, 'summary') },
          channel: 'counter',
          success: 'Passage au guichet enregistré.',
        }
      : { errors };
  },
  document: async (ctx) => {
    if (!file(ctx.fd, 'file')) return { errors: { file: 'Choisissez un fichier.' } };
    return { path: 'documents', body: { documents: await documentsOf(ctx, 'file') }, success: 'Document joint.' };
  },
  note: ({ fd }) => {
    const errors = required(fd, { text: 'Écrivez la note.' });
    return none(errors)
      ? { path: 'notes', body: { text: text(fd, 'text') }, success: 'Note interne enregistrée.' }
      : { errors };
  },
  transition: ({ fd }) => {
    const errors = required(fd, { transitionId: 'Choisissez l’étape.' });
    return none(errors)
      ? { path: 'transitions', body: { transitionId: text(fd, 'transitionId') }, success: 'Étape franchie.' }
      : { errors };
  },
  decide: ({ fd }) => {
    const outcome = text(fd, 'outcome');
    const errors: Record<string, string> = {};
    if (outcome !== 'accepted' && outcome !== 'rejected') errors.outcome = 'Choisissez : acceptée ou refusée.';
    if (outcome === 'rejected' && !text(fd, 'reason'))
      errors.reason = 'Un refus doit être motivé : le demandeur le lira.';
    return none(errors)
      ? { path: 'decision', body: { outcome, reason: text(fd, 'reason') }, success: 'Décision enregistrée.' }
      : { errors };
  },
  close: ({ fd }) => {
    const errors = required(fd, { reason: 'Indiquez le motif de clôture.' });
    return none(errors)
      ? { path: 'close', body: { reason: text(fd, 'reason') }, success: 'Demande clôturée.' }
      : { errors };
  },
  reopen: ({ fd }) => {
    const errors = required(fd, { reason: 'Indiquez pourquoi la demande est rouverte.' });
    return none(errors)
      ? { path: 'reopen', body: { reason: text(fd, 'reason') }, success: 'Demande rouverte.' }
      : { errors };
  },
};

/** API field names that the forms call differently. */
const RENAME: Record<string, string> = { durationSeconds: 'minutes', toServiceId: 'serviceId', documents: 'file' };

/**
 * The API answers once its read models are up to date, but only waits so long: under load the
 * page reloaded right after could still show the request as it was. A short wait here keeps
 * « what I just did is on screen » true.
 */
async function projected(token: string | null, caseId: string, version: number): Promise<void> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const now = await api<{ version: number }>(token, `/cases/${caseId}`).catch(() => null);
    if (!now || now.version >= version) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One form action per builder: the version the page was loaded with goes in If-Match and the key
 * of the form's render in Idempotency-Key, so a stale page is refused and a double submit counts once.
 */
function caseAction(name: string, build: Builder) {
  return async (event: RequestEvent) => {
    const fd = await event.request.formData();
    const key = text(fd, 'idempotencyKey');
    if (!key) return perform(name, build, event, fd);
    // A double click without JavaScript posts the form twice at once: the second waits for the
    // first and answers the same, instead of racing it into a version conflict with itself.
    const slot = `${event.locals.user?.id ?? ''} ${key}`;
    const running = inflight.get(slot) ?? perform(name, build, event, fd);
    if (!inflight.has(slot)) {
      inflight.set(slot, running);
      // A success is kept a minute for late duplicates; a refusal is forgotten so a corrected form can go again.
      running.then(
        (result) => setTimeout(() => inflight.delete(slot), 'success' in result ? 60_000 : 0),
        () => inflight.delete(slot),
      );
    }
    return running;
  };
}

const inflight = new Map<string, ReturnType<typeof perform>>();

async function perform(name: string, build: Builder, { locals, params }: RequestEvent, fd: FormData) {
  const values = valuesOf(fd);
  const version = Number(text(fd, 'version'));
  const key = text(fd, 'idempotencyKey');
  try {
    const built = await build({ fd, token: locals.token });
    if ('errors' in built) return invalid(name, values, built.errors);
    const answer = await api<{ version?: number }>(locals.token, `/cases/${params.id}/${built.path}`, {
      method: 'POST',
      body: built.body,
      ...(Number.isInteger(version) && version > 0 ? { ifMatch: version } : {}),
      ...(key ? { idempotencyKey: key } : {}),
      ...(built.channel ? { channel: built.channel } : {}),
    });
    if (typeof answer?.version === 'number') await projected(locals.token, params.id!, answer.version);
    if (name === 'transfer' && !locals.user?.roles.some((r) => r.serviceId === text(fd, 'serviceId'))) {
      // Transferred out of the agent's services: they can no longer open it.
      redirect(303, `${base}/?transfert=ok`);
    }
    return { action: name, success: built.success };
  } catch (err) {
    return refusal(name, err, values, RENAME);
  }
}

export const caseActions = Object.fromEntries(
  Object.entries(BUILDERS).map(([name, build]) => [name, caseAction(name, build)]),
);
