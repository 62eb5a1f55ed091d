// The `tenderlens` command line: global help and version, `help <command>`, dispatch to a command, and the
// translation of errors into messages and exit codes (2 for usage errors, 1 for unusable input).
import packageJson from '../../package.json';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, InputError, UsageError, type CliIo } from './cli-io';
import { formatCommandHelp, type Command } from './command';
import { commandsFor } from './commands/lazy';
import { visibleControls } from '../core/visible-controls';

function findCommand(commands: readonly Command[], name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

export function formatGeneralHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: tenderlens <command> [arguments] [options]',
    '',
    'TenderLens reads e-procurement notices and supplier pages and reports known supply-chain risk flags,',
    'each with its source. No information is not the same as no risk.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show the help of a command: tenderlens help <command>`,
    '',
    'Options:',
    '  -h, --help     show this help and exit',
    '  -V, --version  print the version and exit',
    '',
    'Run "tenderlens <command> --help" for the arguments and options of a command.',
    '',
  ].join('\n');
}

function unknownCommandMessage(commands: readonly Command[], name: string): string {
  const close = commands.map((c) => c.name).filter((n) => n.startsWith(name.slice(0, 2)) || name.startsWith(n));
  const hint = close.length > 0 ? ` Did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
  return `unknown command "${name}".${hint}`;
}

function reportUsageError(error: UsageError, io: CliIo): number {
  const helpCommand = error.command ? `tenderlens ${error.command} --help` : 'tenderlens --help';
  io.stderr(`tenderlens: ${error.message}\nRun "${helpCommand}" for usage.\n`);
  return EXIT_USAGE;
}

/**
 * Runs the CLI with the arguments after the program name; resolves to the process exit code. Everything written
 * goes through visibleControls: pages, feeds and entity files are hostile, and so are their names in messages.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, stdout: (text) => rawIo.stdout(visibleControls(text)), stderr: (text) => rawIo.stderr(visibleControls(text)) };
  try {
    const [first, ...rest] = argv;
    const commands = await commandsFor(first);
    if (first === undefined) {
      io.stderr(formatGeneralHelp(commands));
      return EXIT_USAGE;
    }
    if (first === '--help' || first === '-h') {
      io.stdout(formatGeneralHelp(commands));
      return EXIT_OK;
    }
    if (first === '--version' || first === '-V') {
      io.stdout(`tenderlens ${packageJson.version}\n`);
      return EXIT_OK;
    }
    if (first === 'help') {
      if (rest.length === 0) {
        io.stdout(formatGeneralHelp(commands));
        return EXIT_OK;
      }
      if (rest.length > 1) throw new UsageError('help takes one command name');
      const command = findCommand(commands, rest[0]!);
      if (!command) throw new UsageError(unknownCommandMessage(commands, rest[0]!));
      io.stdout(formatCommandHelp(command));
      return EXIT_OK;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option ${first} (options go after the command)`);
    const command = findCommand(commands, first);
    if (!command) throw new UsageError(unknownCommandMessage(commands, first));
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(formatCommandHelp(command));
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(error, io);
    if (error instanceof InputError) {
      io.stderr(`tenderlens: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tenderlens: ${message}\n`);
    if (process.env.TENDERLENS_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}
