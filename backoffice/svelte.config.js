import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    paths: { base: '/backoffice' },
    // The API and this app share one origin behind Guichet's server.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
