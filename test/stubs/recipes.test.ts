import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recipe as nodeRecipe } from '../../conformance/runtimes/node-express';
import { recipe as fastapiRecipe } from '../../conformance/runtimes/python-fastapi';
import { recipe as flaskRecipe } from '../../conformance/runtimes/python-flask';
import { pythonVenv } from '../../conformance/runtimes/python-venv';
import { pythonNative } from '../../conformance/fixtures/make';
import { generateProject } from '../../src/core/generators/project';
import { nodeExpressStub } from '../../src/core/generators/stubs/node';
import { pythonFastApiStub } from '../../src/core/generators/stubs/python';
import { fullDesign, stubContexts } from './designs';

const dir = mkdtempSync(join(tmpdir(), 'recipe-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('native recipes run the Dockerfile build steps', () => {
  it('Python: pip install --require-hashes -r requirements.txt and gen_proto.py in a venv keyed by the requirements', () => {
    const [ctx] = stubContexts(fullDesign('python-fastapi'));
    if (!ctx) throw new Error('no service');
    const files = new Map(pythonFastApiStub(ctx).map((f) => [f.path, f.content]));
    const dockerfile = files.get('Dockerfile') ?? '';
    expect(dockerfile).toContain('pip install --no-cache-dir --require-hashes -r requirements.txt');
    expect(dockerfile).toContain('RUN python gen_proto.py');
    expect(dockerfile).toContain('CMD ["python", "-m", "app"]');
    writeFileSync(join(dir, 'requirements.txt'), files.get('requirements.txt') ?? '');
    const venv = pythonVenv(dir, '/cache');
    expect(venv).toMatch(/^\/cache\/venvs\/py-[0-9a-f]{16}$/);
    for (const recipe of [fastapiRecipe, flaskRecipe]) {
      const [install, gen] = recipe.build(dir, '/cache');
      expect(install?.args.join(' ')).toContain('pip" install --disable-pip-version-check --require-hashes -r "$REQS"');
      expect(install?.env).toMatchObject({ VENV: venv, REQS: 'requirements.txt' });
      expect(gen).toEqual({ cmd: `${venv}/bin/python`, args: ['gen_proto.py'] });
      expect(recipe.start(dir, '/cache')).toMatchObject({ cmd: `${venv}/bin/python`, args: ['-m', 'app'] });
    }
    writeFileSync(join(dir, 'requirements.txt'), 'flask==3.1.3\n');
    expect(pythonVenv(dir, '/cache')).not.toBe(venv);
  });

  it('Python with an in-process module: the commands of the native stage, build tools in a venv of their own', () => {
    const files = generateProject(pythonNative());
    const write = (service: string) => {
      const root = join(dir, service);
      for (const f of files.filter((x) => x.path.startsWith(`services/${service}/`))) {
        const path = join(root, f.path.slice(`services/${service}/`.length));
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, f.content);
      }
      return root;
    };
    const rust = write('native-rust');
    const steps = fastapiRecipe.build(rust, '/cache');
    expect(steps).toHaveLength(4);
    const [, , tools, native] = steps;
    expect(tools?.env).toMatchObject({ REQS: 'native/requirements-build.txt' });
    expect(tools?.env?.VENV).toMatch(/^\/cache\/venvs\/build-[0-9a-f]{16}$/);
    const script = native?.args[1] ?? '';
    expect(script).toContain(`${tools?.env?.VENV}/bin/python -m maturin build --release --locked`);
    expect(script).toContain(`--interpreter ${pythonVenv(rust, '/cache')}/bin/python`);
    expect(native?.env?.CARGO_TARGET_DIR).toBe('/cache/cargo-target-pyo3');
    // the Rust module is installed into the service's environment, so that one is its own
    expect(pythonVenv(rust, '/cache')).not.toBe(pythonVenv(write('native-cffi'), '/cache'));
    const ctypes = flaskRecipe.build(write('native-ctypes'), '/cache');
    expect(ctypes).toHaveLength(3);
    expect(ctypes[2]?.args[1]).toContain('gcc -O2 -Wall -shared -fPIC -o native/build/libhotpath.so native/hotpath.c');
  });

  it('Node: npm ci from the shipped package-lock.json, npm run build (tsc), node dist/main.js', () => {
    const [ctx] = stubContexts(fullDesign('node-express'));
    if (!ctx) throw new Error('no service');
    const files = new Map(nodeExpressStub(ctx).map((f) => [f.path, f.content]));
    const dockerfile = files.get('Dockerfile') ?? '';
    expect(dockerfile).toContain('COPY package.json package-lock.json ./');
    expect(dockerfile).toContain('npm ci --no-audit --no-fund');
    expect(files.has('package-lock.json')).toBe(true);
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('CMD ["node", "dist/main.js"]');
    expect(JSON.parse(files.get('package.json') ?? '{}')).toMatchObject({
      scripts: { build: 'npm run gen:proto && tsc -p tsconfig.json' },
    });
    const [install, build] = nodeRecipe.build(dir, '/cache');
    expect(install?.args.slice(0, 3)).toEqual(['ci', '--no-audit', '--no-fund']);
    expect(build).toEqual({ cmd: 'npm', args: ['run', 'build'] });
    expect(nodeRecipe.start(dir, '/cache')).toEqual({ cmd: 'node', args: ['dist/main.js'] });
  });
});
