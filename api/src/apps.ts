import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export interface MountedApps {
  /** Serves the request if it belongs to an app; false when it is the API's. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  mounted: string[];
}

const API_PATHS = /^\/(api|docs|health|ready)(\/|\?|$)/;

/**
 * The two SvelteKit apps, built by adapter-node, share the API's port: `/backoffice…` goes to
 * the back office, everything that is not the API to the citizen portal.
 */
export async function loadApps(root: string, apiUrl: string): Promise<MountedApps> {
  // adapter-node reads its settings from the environment when its handler is first imported.
  process.env.GUICHET_API_URL ??= apiUrl;
  process.env.BODY_SIZE_LIMIT ??= '12M';
  // Without ORIGIN, adapter-node assumes https and SvelteKit refuses every form post over plain
  // http as cross-site; the protocol comes from the proxy's header, or from the socket itself.
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  const load = async (app: string): Promise<NodeHandler | null> => {
    const file = join(root, app, 'build', 'handler.js');
    if (!existsSync(file)) return null;
    return ((await import(pathToFileURL(file).href)) as { handler: NodeHandler }).handler;
  };
  const portal = await load('citizen-portal');
  const backoffice = await load('backoffice');
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.end('Not found');
  };
  return {
    mounted: [...(portal ? ['citizen-portal'] : []), ...(backoffice ? ['backoffice'] : [])],
    handle(req, res) {
      const url = req.url ?? '/';
      if (API_PATHS.test(url)) return false;
      req.headers['x-forwarded-proto'] ??= 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
      if (/^\/backoffice(\/|\?|$)/.test(url)) {
        if (backoffice) backoffice(req, res, () => notFound(res));
        else return false;
        return true;
      }
      if (!portal) return false;
      portal(req, res, () => notFound(res));
      return true;
    },
  };
}
