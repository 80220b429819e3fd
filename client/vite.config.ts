import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two documents: the shell (index.html) and the runtime container that hosts one mini program
// inside a sandboxed iframe (container.html). The server serves the output from its wwwroot.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, '../src/Capsule.Server/wwwroot'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        shell: resolve(__dirname, 'index.html'),
        container: resolve(__dirname, 'container.html'),
        simulator: resolve(__dirname, 'simulator.html'),
      },
    },
  },
});
