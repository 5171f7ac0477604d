import { useEffect, useState } from 'react';
import type { Design } from '../../core';
import { ProjectGenerator } from './generator';
import type { GenerateResponse } from './protocol';

let shared: ProjectGenerator | null = null;

/** The page's one generator worker, made on first use. */
export function projectGenerator(): ProjectGenerator {
  shared ??= new ProjectGenerator();
  return shared;
}

/**
 * The generated project of a design, kept up to date as the design changes. Generation is
 * debounced and runs in a worker; `null` until the first answer.
 */
export function useGeneratedProject(design: Design, delayMs = 200): GenerateResponse | null {
  const [result, setResult] = useState<GenerateResponse | null>(null);
  useEffect(() => projectGenerator().subscribe(setResult), []);
  useEffect(() => {
    const t = setTimeout(() => projectGenerator().request(design), delayMs);
    return () => clearTimeout(t);
  }, [design, delayMs]);
  return result;
}
