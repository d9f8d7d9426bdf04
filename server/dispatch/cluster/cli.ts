import type { Command } from 'commander';

/** `minsheng hot …` and `minsheng dupes …`. (placeholder until built) */
export function registerClusterCommands(program: Command): void {
  void program;
}
