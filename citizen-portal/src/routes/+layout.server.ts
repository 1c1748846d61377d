import type { LayoutServerLoad } from './$types';
import { env } from '$env/dynamic/private';

export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
  town: env.GUICHET_TOWN_NAME || 'Ville de S.',
});
