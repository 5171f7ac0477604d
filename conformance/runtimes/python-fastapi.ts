import { pythonBuild, pythonStart } from './python-venv';
import type { RuntimeRecipe } from './types';

/** Python · FastAPI: a cached venv with requirements.txt, `gen_proto.py`, then uvicorn via `python -m app`. */
export const recipe: RuntimeRecipe = {
  runtime: 'python-fastapi',
  tools: ['python3', 'sh', 'flock'],
  build: pythonBuild,
  start: pythonStart,
};
