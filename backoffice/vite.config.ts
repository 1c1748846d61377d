import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { portalPreviewStyles } from './src/lib/designer/preview/portal-styles.ts';

export default defineConfig({
  plugins: [sveltekit(), portalPreviewStyles()],
  // `vite dev` serves the portal's form renderer (@guichet/citizen-portal/form), which lives outside this app.
  server: { fs: { allow: ['../citizen-portal/src/lib'] } },
});
