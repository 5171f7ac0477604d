import { pythonBuild, pythonStart } from './python-venv';
import type { RuntimeRecipe } from './types';

/**
 * Python · Celery worker: a cached venv with requirements.txt, `gen_proto.py`, then `python -m app`,
 * which starts the health and /ping server and the Celery worker in one process.
 */
export const recipe: RuntimeRecipe = {
  runtime: 'python-celery',
  tools: ['python3', 'sh', 'flock'],
  build: pythonBuild,
  start: pythonStart,
};
