import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    // Absolute links: pages compare `base` with the address, and links stay right when copied.
    paths: { base: '/backoffice', relative: false },
    // The API and this app share one origin behind Guichet's server.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
