import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
// The features a reader of generated files uses: find, folding, copy, go to line.
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/gotoLine/register.js';
import 'monaco-editor/features/stickyScroll/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import 'monaco-editor/languages/definitions/protobuf/register.js';
import 'monaco-editor/languages/definitions/dockerfile/register.js';
import 'monaco-editor/languages/definitions/markdown/register.js';
import 'monaco-editor/languages/definitions/python/register.js';
import 'monaco-editor/languages/definitions/go/register.js';
import 'monaco-editor/languages/definitions/java/register.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import 'monaco-editor/languages/definitions/rust/register.js';
import 'monaco-editor/languages/definitions/scala/register.js';
import 'monaco-editor/languages/definitions/xml/register.js';
import 'monaco-editor/languages/definitions/ini/register.js';
import 'monaco-editor/languages/definitions/shell/register.js';

// Only the basic editor worker is needed: the preview is read-only and uses no language service.
(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/** The monaco language of a generated file, from its name. */
export function languageOf(path: string): string {
  const name = path.split('/').pop() ?? path;
  if (name === 'Dockerfile') return 'dockerfile';
  if (name === 'Makefile' || name === '.dockerignore') return 'shell';
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const map: Record<string, string> = {
    yaml: 'yaml',
    yml: 'yaml',
    proto: 'protobuf',
    md: 'markdown',
    py: 'python',
    go: 'go',
    mod: 'go',
    java: 'java',
    scala: 'scala',
    sc: 'scala',
    ts: 'typescript',
    js: 'javascript',
    json: 'json',
    rs: 'rust',
    xml: 'xml',
    toml: 'ini',
    properties: 'ini',
    txt: 'plaintext',
    conf: 'shell',
    sh: 'shell',
    html: 'html',
  };
  return map[ext] ?? 'plaintext';
}

export { monaco };
