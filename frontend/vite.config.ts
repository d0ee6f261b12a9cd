/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'

// `npm run dev` proxies the API to a running Charter (CHARTER_API, default http://localhost:8080).
const api = process.env.CHARTER_API ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [preact()],
  server: { proxy: { '/api': api, '/health': api } },
  build: { chunkSizeWarningLimit: 600 },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
})
