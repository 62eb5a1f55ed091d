// Loads only the command a command line names: `tenderlens match …` need not load the DOM, the feed reader and the
// workbooks of the other commands (a sixth of a second of start-up for the whole bundle, against a tenth for
// `match` alone). Anything else (help, an unknown name) loads them all, from ./index.ts, which lists them in order.
import type { Command } from '../command';

const LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  inspect: async () => (await import('./inspect')).inspectCommand,
  match: async () => (await import('./match')).matchCommand,
  scan: async () => (await import('./scan')).scanCommand,
  'check-bidders': async () => (await import('./check-bidders')).checkBiddersCommand,
  disclosure: async () => (await import('./disclosure')).disclosureCommand,
  lists: async () => (await import('./lists')).listsCommand,
};

/** The names the loaders know, in their order (the same as the command list's; a test checks it). */
export const LAZY_COMMAND_NAMES: readonly string[] = Object.keys(LOADERS);

/** The commands a command line needs: the one `first` names, or all of them. */
export async function commandsFor(first: string | undefined): Promise<readonly Command[]> {
  const load = first === undefined || !Object.hasOwn(LOADERS, first) ? undefined : LOADERS[first];
  if (load) return [await load()];
  return (await import('./index')).COMMANDS;
}
