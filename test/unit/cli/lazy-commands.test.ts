// `tenderlens <command>` loads only that command's module: the loaders know every command of the list, in its
// order, and load the very objects the list holds, so help and dispatch are the same either way.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@/src/cli/commands';
import { commandsFor, LAZY_COMMAND_NAMES } from '@/src/cli/commands/lazy';
import { runCli } from '@/src/cli/run-cli';
import { recordingIo } from './fake-io';

describe('commands loaded one at a time', () => {
  it('knows every command of the list, in its order', () => {
    expect(LAZY_COMMAND_NAMES).toEqual(COMMANDS.map((c) => c.name));
  });

  it('loads the named command alone, and the whole list for anything else', async () => {
    for (const command of COMMANDS) expect(await commandsFor(command.name)).toEqual([command]);
    for (const first of [undefined, 'help', '--help', '--version', 'frobnicate', 'toString', '__proto__']) {
      expect(await commandsFor(first)).toBe(COMMANDS);
    }
  });

  it('answers a command’s help and a usage error as the whole list does', async () => {
    for (const command of COMMANDS) {
      const viaFlag = recordingIo();
      const viaHelp = recordingIo();
      expect(await runCli([command.name, '--help'], viaFlag)).toBe(0);
      expect(await runCli(['help', command.name], viaHelp)).toBe(0);
      expect(viaFlag.out).toBe(viaHelp.out);
    }
    const io = recordingIo();
    expect(await runCli(['match'], io)).toBe(2);
    expect(io.err).toBe('tenderlens: match needs a page: a saved .html file, or - for standard input\nRun "tenderlens match --help" for usage.\n');
  });
});
