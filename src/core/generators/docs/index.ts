import type { Design } from '../../model/types';
import type { GeneratedFile } from '../types';
import { makefile } from './makefile';
import { readme } from './readme';

export { entryServices, hasStub, runsByDefault } from './entries';
export { mermaidFlowchart, mermaidId, mermaidText } from './mermaid';

/**
 * README.md and Makefile of the exported project. `paths` are the paths of the project's other
 * files, so the README lists the contracts that really are in the export.
 */
export function generateDocs(design: Design, paths: readonly string[] = []): GeneratedFile[] {
  return [
    { path: 'Makefile', content: makefile(design, paths) },
    { path: 'README.md', content: readme(design, paths) },
  ];
}
