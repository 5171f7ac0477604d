import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        // Everything the page needs before its first picture in one file (with the small modules it
        // shares with the parts loaded later), so that opening the app is one request, not twenty.
        codeSplitting: { groups: [{ name: 'app', test: /\/src\/main\.tsx$/ }] },
        // Non-ASCII characters escaped: a script that is all ASCII is held by the browser at one
        // byte a character, not two (one "…" in a 650 kB chunk doubled the memory its source took).
        charset: 'ascii',
      },
    },
  },
  worker: { format: 'es', rolldownOptions: { output: { charset: 'ascii' } } },
});
