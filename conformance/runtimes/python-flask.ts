import { pythonBuild, pythonStart } from './python-venv';
import type { RuntimeRecipe } from './types';

/** Python · Flask: a cached venv with requirements.txt, `gen_proto.py`, then waitress via `python -m app`. */
export const recipe: RuntimeRecipe = {
  runtime: 'python-flask',
  tools: ['python3', 'sh', 'flock'],
  build: pythonBuild,
  start: pythonStart,
};
