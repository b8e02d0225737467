// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// A static site: every page is prerendered, every widget hydrates in the browser.
export default defineConfig({
  integrations: [mdx()],
  output: 'static',
});
