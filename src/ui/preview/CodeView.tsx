import { useEffect, useRef } from 'react';
import { useTheme } from '../shell/theme';
import { languageOf, monaco } from './monaco';

interface Props {
  path: string;
  content: string;
}

/** Read-only monaco view of one generated file. Loaded lazily: monaco is never in the entry chunk. */
export default function CodeView({ path, content }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    editor.current = monaco.editor.create(host.current, {
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      renderWhitespace: 'boundary',
      theme: useTheme.getState().theme === 'dark' ? 'vs-dark' : 'vs',
    });
    return () => {
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
  }, []);

  // monaco's theme is global: one call recolours every editor on the page.
  const theme = useTheme((s) => s.theme);
  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    const ed = editor.current;
    if (!ed) return;
    const language = languageOf(path);
    const model = ed.getModel();
    if (model && model.getLanguageId() === language) {
      if (model.getValue() !== content) model.setValue(content);
    } else {
      model?.dispose();
      ed.setModel(monaco.editor.createModel(content, language));
    }
  }, [path, content]);

  return <div className="code-view" ref={host} data-testid="code-view" data-path={path} />;
}
