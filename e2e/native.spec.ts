import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('a FastAPI service gets a Rust (PyO3) module in the inspector: the card marks it and the export builds the crate', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 260, y: 220 });
  await ed.node('python-service').click();

  // the section names the kinds a Python service can host, in the words people search for
  const section = ed.inspector.getByTestId('native-editor');
  await expect(section).toBeVisible();
  await expect(section).toContainText('C/C++ extensions');
  await expect(section).toContainText('Cython');
  await expect(section).toContainText('ctypes');
  const select = section.getByLabel('Native module');
  await expect(select.locator('option')).toHaveText([
    'None',
    'C library through ctypes',
    'C through cffi (API mode)',
    'Cython extension (C/C++ extensions)',
    'Rust through PyO3 (maturin)',
  ]);
  await expect(ed.node('python-service').getByTestId('native-mark')).toHaveCount(0);

  await select.selectOption({ label: 'Rust through PyO3 (maturin)' });
  await expect(section.getByTestId('native-tradeoff')).toContainText('PyO3 turns a Rust crate into a Python module');
  const mark = ed.node('python-service').getByTestId('native-mark');
  await expect(mark).toHaveText('Rs');
  await expect(mark).toHaveAttribute('title', /Rust through PyO3/);

  // undo takes it away, redo brings it back
  await ed.pane.click({ position: { x: 40, y: 600 } });
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(mark).toHaveCount(0);
  await page.keyboard.press(`${ed.mod}+Shift+z`);
  await expect(ed.node('python-service').getByTestId('native-mark')).toHaveText('Rs');

  // a Spring service offers embedded Python instead
  await ed.dragFromPalette('Java · Spring Boot', { x: 620, y: 220 });
  await ed.node('java-service').click();
  const spring = ed.inspector.getByTestId('native-editor');
  await expect(spring).toContainText('Embedded Python');
  await expect(spring.getByLabel('Embedded Python').locator('option')).toHaveText([
    'None',
    'Python embedded with GraalPy',
    'Python 2.7 embedded with Jython',
  ]);

  await ed.pane.click({ position: { x: 40, y: 600 } });
  const { bytes } = await ed.exportProject();
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => {
    const f = zip.file(path);
    expect(f, path).not.toBeNull();
    return f!.async('string');
  };
  expect(await text('services/python-service/native/Cargo.toml')).toMatch(/^pyo3 = \{ version = "=\d+\.\d+\.\d+"/m);
  expect(await text('services/python-service/native/src/lib.rs')).toContain('#[pymodule]');
  expect(await text('services/python-service/native/Cargo.lock')).toContain('name = "pyo3"');
  const docker = await text('services/python-service/Dockerfile');
  expect(docker).toMatch(/^FROM python:\$\{PYTHON_TAG\} AS native$/m);
  expect(docker).toContain('maturin build --release --locked');
  expect(docker).toContain('COPY --from=native /app/native/build/ /tmp/wheels/');
  expect(await text('services/python-service/README.md')).toContain(
    '## The native module: Rust through PyO3 (maturin)',
  );
  const design = JSON.parse(await text('polyglot.design.json')) as { nodes: { name: string; native?: unknown }[] };
  expect(design.nodes.find((n) => n.name === 'python-service')?.native).toEqual({ kind: 'pyo3' });
  expect(zip.file('services/java-service/native/Cargo.toml')).toBeNull();
});
