import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { portalPreviewStyles } from './src/lib/designer/preview/portal-styles.ts';

export default defineConfig({ plugins: [sveltekit(), portalPreviewStyles()] });
