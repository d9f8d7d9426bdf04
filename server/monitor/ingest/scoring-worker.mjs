// Bootstrap of the negativity scoring worker thread: TypeScript runs through tsx's loader here too
// (as bin/minsheng.mjs does for the main thread), then the worker proper is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./scoring-worker.ts');
