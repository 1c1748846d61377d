import { fail } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { locateAll } from '$lib/designer/errors';
import { requireDesigner, rethrow } from '$lib/designer/procedures.server';
import type { DefinitionChange } from '$lib/designer/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  const { token } = requireDesigner(locals);
  const { procedure, unpublished } = await parent();
  const latest = procedure.versions.at(-1);
  // What publishing would change, in the words of the API's comparison.
  const pending =
    latest && unpublished
      ? await api<{ changes: DefinitionChange[] }>(token, `/admin/procedures/${encodeURIComponent(params.id)}/diff`, {
          query: { from: latest.version, to: 'draft' },
        })
          .then((r) => r.changes)
          .catch(() => null)
      : null;
  return { pending };
};

export const actions: Actions = {
  publish: async ({ locals, params, request }) => {
    const { token } = requireDesigner(locals);
    const version = Number((await request.formData()).get('version'));
    try {
      const answer = await api<{ publishedVersion: number }>(
        token,
        `/admin/procedures/${encodeURIComponent(params.id)}/publish`,
        {
          body: {},
          ifMatch: Number.isInteger(version) && version > 0 ? version : undefined,
        },
      );
      return {
        published: answer.publishedVersion,
        message: `Version ${answer.publishedVersion} publiée : c’est désormais celle que les usagers remplissent.`,
      };
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 404) rethrow(err);
      const stale = err.status === 409 && typeof err.body.currentVersion === 'number';
      return fail(err.status, {
        action: 'publish',
        message: stale
          ? 'Quelqu’un a modifié le brouillon depuis l’affichage de cette page : relisez la page actualisée, puis publiez.'
          : err.detail,
        problems: locateAll(err.errors, null),
      });
    }
  },
  /** A delegate proposes the draft; a designer of the service or an administrator publishes it, or says why not. */
  submit: async ({ locals, params, request }) => {
    const { token } = requireDesigner(locals);
    const version = Number((await request.formData()).get('version'));
    try {
      await api(token, `/admin/procedures/${encodeURIComponent(params.id)}/submit`, {
        body: {},
        ifMatch: Number.isInteger(version) && version > 0 ? version : undefined,
      });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 404) rethrow(err);
      return fail(err.status, {
        action: 'submit',
        message:
          err.status === 409 && typeof err.body.currentVersion === 'number'
            ? 'Le brouillon a changé depuis l’affichage de cette page : relisez la page actualisée, puis soumettez-le.'
            : err.detail,
        problems: locateAll(err.errors, null),
      });
    }
    return {
      submitted: true,
      message: 'Démarche soumise à la modération : la commune la relit avant de la publier.',
    };
  },
  retire: async ({ locals, params, request }) => {
    const { token } = requireDesigner(locals);
    const reason = String((await request.formData()).get('reason') ?? '').trim();
    if (!reason)
      return fail(400, {
        action: 'retire',
        message: 'Indiquez pourquoi la démarche est retirée (les agents le liront).',
        problems: [],
      });
    try {
      await api(token, `/admin/procedures/${encodeURIComponent(params.id)}/retire`, { body: { reason } });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401) rethrow(err);
      return fail(err.status, { action: 'retire', message: err.detail, problems: [] });
    }
    return {
      retired: true,
      message: 'La démarche est retirée du catalogue. Les demandes déjà déposées continuent d’être traitées.',
    };
  },
};
