import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantStreamId, ValidationError } from '@guichet/domain';
import { createEventStore, createFileBlobStore, type BlobStore, type Db, type EventStore } from '@guichet/eventstore';
import { testDatabases } from '@guichet/eventstore/testing';
import { ccasLogoPng } from '../demo/ccas.ts';
import { createTenant, currentBranding, operatorMeta, setTenantBranding, storeLogo } from './tenants.ts';

/** What the operator CLI (`api/src/cli/tenant.ts branding`) runs. */
describe.each(testDatabases())('operator branding of an organisation on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  let dir: string;
  let blobs: BlobStore;

  beforeAll(async () => {
    db = await open();
    store = await createEventStore(db);
    dir = await mkdtemp(join(tmpdir(), 'guichet-logo-'));
    blobs = createFileBlobStore(dir);
    await createTenant(store, {
      id: 'cc-vallee',
      name: 'Communauté de communes de la Vallée',
      services: [{ id: 'cc-vallee-dechets', name: 'Déchets' }],
      admin: { email: 'dgs@cc-vallee.test', name: 'Paul Martin' },
    });
  });
  afterAll(async () => {
    await store?.close();
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts from the name and default colours, then records what the operator sets, logo stored by content', async () => {
    const start = await currentBranding(store, 'cc-vallee');
    expect(start).toEqual({
      name: 'Communauté de communes de la Vallée',
      tagline: null,
      primaryColour: '#000091',
      accentColour: '#a1000e',
      logo: null,
    });
    const logo = await storeLogo(blobs, ccasLogoPng(32), 'vallee.png');
    expect(logo).toMatchObject({ mediaType: 'image/png', fileName: 'vallee.png' });
    expect(await blobs.has(logo.sha256)).toBe(true);
    const result = await setTenantBranding(
      { store },
      { ...start!, primaryColour: '#1F4E79', logo },
      operatorMeta('cc-vallee'),
    );
    expect(result.events).toHaveLength(1);
    const [event] = await store.readStream(tenantStreamId('cc-vallee')).then((es) => es.slice(-1));
    expect(event).toMatchObject({ type: 'TenantBrandingChanged', metadata: { actor: 'system', tenant: 'cc-vallee' } });
    expect((await currentBranding(store, 'cc-vallee'))!.primaryColour).toBe('#1f4e79');
    expect(await currentBranding(store, 'inconnue')).toBeNull();
  });

  it('refuses an SVG logo without storing it', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const logo = await storeLogo(blobs, svg, 'logo.svg');
    expect(await blobs.has(logo.sha256)).toBe(false);
    const start = (await currentBranding(store, 'cc-vallee'))!;
    const refused = await setTenantBranding({ store }, { ...start, logo }, operatorMeta('cc-vallee')).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors.map((e) => e.field)).toEqual(['logo']);
  });
});
