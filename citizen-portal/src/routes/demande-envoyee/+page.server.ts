import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { RECEIPT_COOKIE } from '$lib/server/session';

interface Receipt {
  id: string;
  reference: string;
  trackingCode: string | null;
  title: string;
}

export const load: PageServerLoad = ({ cookies, locals }) => {
  const raw = cookies.get(RECEIPT_COOKIE);
  let receipt: Receipt | null;
  try {
    receipt = raw ? (JSON.parse(raw) as Receipt) : null;
  } catch {
    receipt = null;
  }
  if (!receipt?.reference) redirect(303, locals.user ? '/demandes' : '/');
  return { receipt, loggedIn: !!locals.user };
};
