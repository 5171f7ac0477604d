import { fuzzTest } from './hostileDesigns';

// Half of the seeded fuzz of the export (hostileDesigns.ts); the other half is in
// export-2.test.ts, so that the two run side by side.
fuzzTest(1401, 2500);
