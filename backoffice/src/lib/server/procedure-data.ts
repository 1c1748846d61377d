import type { FormField } from '$lib/types';
import { uploadDocument } from './documents';

/**
 * Rebuilds the `data` object of a submission from the posted form (`data.<field>` names):
 * lists for checkboxes, an object for an address, a document id for a file (uploaded first).
 * Values stay strings: the API normalises « 12,5 », « 14/07/2026 » and « on ».
 * `kept` is what a refused submission must show again (files already uploaded included).
 */
export async function procedureData(fields: FormField[], fd: FormData, token: string | null) {
  const data: Record<string, unknown> = {};
  const kept: Record<string, string> = {};
  for (const field of fields) {
    const name = `data.${field.name}`;
    switch (field.type) {
      case 'section':
      case 'help':
        break;
      case 'checkboxes': {
        const list = fd.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
        if (list.length > 0) data[field.name] = list;
        break;
      }
      case 'boolean':
        if (fd.get(name) === 'true') data[field.name] = true;
        break;
      case 'address': {
        const part = (p: string) => String(fd.get(`${name}.${p}`) ?? '').trim();
        const address = { street: part('street'), postalCode: part('postalCode'), city: part('city') };
        if (address.street || address.postalCode || address.city) data[field.name] = address;
        break;
      }
      case 'file': {
        const upload = fd.get(name);
        if (upload instanceof File && upload.size > 0) {
          const doc = await uploadDocument(token, upload, name);
          data[field.name] = doc.documentId;
          kept[`${name}.documentId`] = doc.documentId;
          kept[`${name}.fileName`] = doc.fileName;
        } else {
          const previous = fd.get(`${name}.documentId`);
          if (typeof previous === 'string' && previous) data[field.name] = previous;
        }
        break;
      }
      default: {
        const v = fd.get(name);
        if (typeof v === 'string' && v.trim() !== '') data[field.name] = v.trim();
      }
    }
  }
  return { data, kept };
}
