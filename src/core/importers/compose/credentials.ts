import type { Design } from '../../model/types';
import { serviceEnv, serviceWiring } from '../../model/wiring';

/**
 * An address that an export wrote with credentials from `.env` (`postgresql://${DB_USER}:...`)
 * reads back with them empty, since the import has no `.env`. It is exactly what the export
 * generates for that link anyway, so it is not kept as a variable of the user's own, which would
 * pin the empty credentials and outrank the generated address on the next export.
 */
export function dropExportedCredentialUrls(design: Design): Design {
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const w = serviceWiring(design, n.id);
    if (!w || n.env.length === 0) return n;
    const bare = { ...w, node: { ...n, env: [] } };
    const generated = new Map(serviceEnv(bare));
    const withEmpty = new Map(serviceEnv(bare, undefined, () => ''));
    const env = n.env.filter((e) => !(withEmpty.get(e.key) === e.value && generated.get(e.key) !== e.value));
    if (env.length === n.env.length) return n;
    changed = true;
    return { ...n, env };
  });
  return changed ? { ...design, nodes } : design;
}
