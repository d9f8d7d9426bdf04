#!/usr/bin/env node
// The `minsheng` command. TypeScript runs through tsx's loader, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/index.ts');
await main(process.argv);
