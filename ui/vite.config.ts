import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: "safari15",
    // The CSP forbids inline scripts and styles: keep everything in files.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
});
