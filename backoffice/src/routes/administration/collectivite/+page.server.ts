import { fail } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { requireAdmin, rethrow } from '$lib/designer/procedures.server';
import type { ErrorMap } from '$lib/designer/a11y';
import type { TenantBranding } from '$lib/tenant';
import type { Actions, PageServerLoad } from './$types';

interface AdminTenant extends TenantBranding {
  logoFileName: string | null;
  rules: { logoMediaTypes: string[]; maxLogoBytes: number; minContrast: number };
}

/** The API's field names → the ids of this page's inputs. */
const INPUT_OF: Record<string, string> = {
  name: 'tenant-name',
  tagline: 'tenant-tagline',
  primaryColour: 'tenant-primary',
  accentColour: 'tenant-accent',
  logo: 'tenant-logo',
};

export const load: PageServerLoad = async ({ locals }) => {
  const { token } = requireAdmin(locals);
  const tenant = await api<AdminTenant>(token, '/admin/tenant').catch(rethrow);
  return { tenant };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { token } = requireAdmin(locals);
    const fd = await request.formData();
    const text = (name: string) => String(fd.get(name) ?? '').trim();
    const values = {
      name: text('name'),
      tagline: text('tagline'),
      primaryColour: text('primaryColour'),
      accentColour: text('accentColour'),
    };
    const refused = (status: number, errors: ErrorMap) =>
      fail(status, { values, errors, message: 'L’identité n’a pas été enregistrée : corrigez les champs signalés.' });
    let logo: string | null | undefined;
    const file = fd.get('logo');
    try {
      if (fd.get('removeLogo') === 'on') logo = null;
      else if (file instanceof File && file.size > 0) {
        const uploaded = await api<{ documentId: string }>(token, '/documents', {
          raw: file,
          contentType: file.type || 'application/octet-stream',
          query: { fileName: file.name || 'logo' },
        });
        logo = uploaded.documentId;
      }
      await api(token, '/admin/tenant/branding', {
        method: 'PUT',
        body: { ...values, tagline: values.tagline || null, ...(logo !== undefined ? { logo } : {}) },
      });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) rethrow(err);
      // A file refused by type (415) or too big (413) is the logo's fault.
      if (err.status === 415 || err.status === 413) return refused(400, { 'tenant-logo': [err.detail] });
      const errors: ErrorMap = {};
      for (const e of err.errors) {
        const id = INPUT_OF[e.field.split('.')[0]!] ?? 'tenant-name';
        (errors[id] ??= []).push(e.message);
      }
      if (err.errors.length === 0) return fail(err.status, { values, errors, message: err.detail });
      return refused(err.status, errors);
    }
    return { saved: true };
  },
};
