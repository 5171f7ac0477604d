import { useRef, type ChangeEvent } from 'react';
import { CONTRACT_ACCEPT, importContractFiles } from '../../app/contractImport';
import { useDesignStoreApi } from '../../app/storeContext';
import type { DesignNode } from '../../core';

/**
 * Imports contract files onto this service: their gRPC services, endpoints and types join the
 * node's API instead of making new nodes (one undo step, like File → Import…).
 */
export function ImportIntoNode({ node }: { node: DesignNode }) {
  const store = useDesignStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.target.files ?? [])];
    e.target.value = '';
    if (picked.length === 0) return;
    const files = await Promise.all(picked.map(async (f) => ({ name: f.name, text: await f.text() })));
    await importContractFiles(store, files, { attachTo: node.id });
  };
  return (
    <>
      <button
        type="button"
        className="pc-link-btn"
        onClick={() => input.current?.click()}
        title={`Add the API of .proto, OpenAPI or AsyncAPI files to ${node.name}`}
      >
        Import contracts into {node.name}…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={CONTRACT_ACCEPT}
        className="pc-sr-only"
        tabIndex={-1}
        aria-label={`Contract files to import into ${node.name}`}
        onChange={(e) => void onFiles(e)}
      />
    </>
  );
}
