// The shape of a `tenderlens` command and its help text. Each command is one module in ./commands, listed once
// in ./commands/index.ts.
import type { CliIo } from './cli-io';
import { formatOptions, type OptionSpec } from './parse-args';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis, e.g. "tenderlens inspect <file.html|-> [--url URL] [--json]". */
  usage: string;
  /** Paragraphs explaining the arguments and what the command prints. */
  description: string;
  /** Declared options; `--help` is added to every command. */
  options: readonly OptionSpec[];
  /** Runs the command with its own arguments (after the command name); resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', description: 'show this help and exit' };

/** A command's options including the universal --help. */
export function commandOptions(command: Command): OptionSpec[] {
  return [...command.options, HELP_OPTION];
}

export function formatCommandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    command.description.trim(),
    '',
    'Options:',
    formatOptions(commandOptions(command)),
    '',
  ].join('\n');
}
