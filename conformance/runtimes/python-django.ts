import { pythonBuild, pythonStart } from './python-venv';
import type { RuntimeRecipe } from './types';

/** Python · Django REST framework: a cached venv with requirements.txt, `gen_proto.py`, then `python -m app` (migrations, then gunicorn). */
export const recipe: RuntimeRecipe = {
  runtime: 'python-django',
  tools: ['python3', 'sh', 'flock'],
  build: pythonBuild,
  start: pythonStart,
};
