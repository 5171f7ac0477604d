import type { StubGenerator } from '../types';

// Filled in by the runtime's own generator modules.
export const pythonFastApiStub: StubGenerator = () => [];

// Filled in by the runtime's own generator modules.
export const pythonFlaskStub: StubGenerator = () => [];
