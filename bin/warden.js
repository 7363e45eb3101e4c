#!/usr/bin/env node
// The package's `warden` command. In a checkout (after `npm ci`) it runs the TypeScript sources through tsx,
// so it is never stale; where tsx is not installed (the Docker image: `npm ci --omit=dev`) it runs the build.

const hasTsx = await import('tsx/esm/api').then(
  (tsx) => {
    tsx.register();
    return true;
  },
  () => false,
);
await import(hasTsx ? '../src/bin/warden.ts' : '../dist/src/bin/warden.js');
