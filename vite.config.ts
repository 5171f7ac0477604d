import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    // Everything the page needs before its first picture in one file (with the small modules it
    // shares with the parts loaded later), so that opening the app is one request, not twenty.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', test: /\/src\/main\.tsx$/ }] } } },
  },
  worker: { format: 'es' },
});
