import type { StubGenerator } from '../types';

// Filled in by the runtime's own generator modules.
export const javaSpringStub: StubGenerator = () => [];
