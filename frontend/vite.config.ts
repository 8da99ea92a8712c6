import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const backend = 'http://localhost:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/engine-rest': { target: backend, changeOrigin: false },
    },
  },
  build: {
    // Maven packages target/classes into the jar, so Spring Boot serves the app at /.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // antd alone is ~1.3 MB minified (~400 kB gzip); form-js and bpmn-js are split off by their
    // dynamic imports and load only on pages that show a form or a diagram.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+)[\\/]/, priority: 20 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The build machines have two cores; more workers would only queue.
    maxWorkers: 2,
    // Component tests render antd, bpmn-js and form-js in jsdom; on a busy 2-core machine one test can take
    // 15 s of CPU. The timeout only stops a hung test; it is not a speed check.
    testTimeout: 60000,
  },
});
