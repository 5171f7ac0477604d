import { useEffect, useRef, useState } from 'react';
import { sameExceptLayout, type Design } from '../../core';
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
 * debounced and runs in a worker, and skipped when only the layout changed (no generator reads
 * positions): dragging a node on a large design costs the worker nothing. `null` until the first
 * answer.
 */
export function useGeneratedProject(design: Design, delayMs = 200): GenerateResponse | null {
  const [result, setResult] = useState<GenerateResponse | null>(null);
  const requested = useRef<Design | null>(null);
  useEffect(() => projectGenerator().subscribe(setResult), []);
  useEffect(() => {
    if (requested.current && sameExceptLayout(requested.current, design)) return;
    const t = setTimeout(() => {
      requested.current = design;
      projectGenerator().request(design);
    }, delayMs);
    return () => clearTimeout(t);
  }, [design, delayMs]);
  return result;
}
