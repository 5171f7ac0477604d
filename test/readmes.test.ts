/**
 * Every README of an export, rendered by a real Markdown renderer: user text (names, topics,
 * environment values with line breaks, code fences, backtick runs and HTML) shows as text and
 * never becomes markup, in the project README and in the README of every runtime's stub.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { RUNTIME_IDS } from '../src/core/catalog/catalog';
import { generateProject } from '../src/core/generators/project';
import { restore } from '../src/core/model/restore';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const HOSTILE_VALUES = [
  `a\n\`\`\`\n${PAYLOAD}\n\`\`\``,
  `\`\`\`\`\`\`\n${PAYLOAD}`,
  `~~~\n${PAYLOAD}\n~~~`,
  `x' ; ${PAYLOAD} ; echo '`,
  `    ${PAYLOAD}`,
  `| a | ${PAYLOAD} |`,
];

function hostileDesign() {
  const nodes = RUNTIME_IDS.map((kind, i) => ({
    id: `n${i}`,
    kind,
    name: i === 0 ? `svc ${PAYLOAD}` : `svc-${i}`,
    position: { x: i * 200, y: 0 },
    port: 8000 + i,
    grpcPort: 50051,
    replicas: 1,
    env: HOSTILE_VALUES.map((value, j) => ({ key: `V${j}`, value })),
    description: PAYLOAD,
  }));
  const r = restore({
    format: 'polyglot-canvas/design',
    version: 2,
    name: `shop ${PAYLOAD}`,
    viewport: { x: 0, y: 0, zoom: 1 },
    nodes: [...nodes, { id: 'k', kind: 'kafka', name: 'events', port: 9092 }],
    links: [
      {
        id: 'q',
        kind: 'queue',
        source: 'n1',
        target: 'k',
        topic: `t\n\`\`\`\n${PAYLOAD}`,
        endpoints: [],
        rpcs: [],
        message: [],
      },
    ],
  });
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

describe('README files', () => {
  it('show hostile user text as text in every stub and the project README', () => {
    const readmes = generateProject(hostileDesign()).filter((f) => f.path.endsWith('README.md'));
    // the project README and one per service
    expect(readmes.length).toBe(RUNTIME_IDS.length + 1);
    for (const f of readmes) {
      const html = marked.parse(f.content, { async: false });
      expect(html, f.path).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    }
    const java = readmes.find((f) => f.path === `services/svc-${RUNTIME_IDS.indexOf('java-spring')}/README.md`);
    // the Java README shows the run command with the values, in one block that holds them all
    expect(java?.content).toMatch(/^````+sh$/m);
  });
});
