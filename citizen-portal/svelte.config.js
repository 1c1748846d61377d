import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter({ out: 'build' }),
    paths: { base: '' },
    // The API and this app share one origin behind Guichet's server.
    csrf: { trustedOrigins: [] },
    // Browser tests import the server's test harness (NodeNext, .ts imports): they have their own tsconfig.
    typescript: {
      config: (config) => ({ ...config, include: config.include.filter((p) => !p.startsWith('../tests/')) }),
    },
  },
};

export default config;
