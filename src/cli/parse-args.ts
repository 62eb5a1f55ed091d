// Parses a command's arguments against its declared options: --name, --name=value, --name value, -x, "--" to end
// options, "-" as an ordinary argument (standard input). Anything undeclared is a usage error.
import { UsageError } from './cli-io';

export interface OptionSpec {
  /** Long name without the dashes ("url"). */
  name: string;
  /** One-letter alias without the dash ("h"). */
  short?: string;
  /** Placeholder of the option's value ("URL"); absent for a flag. */
  value?: string;
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Flags as true, valued options as their value, by long name. */
  options: Map<string, string | true>;
}

function describe(spec: OptionSpec): string {
  return `--${spec.name}`;
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], command?: string): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const parsed: ParsedArgs = { positionals: [], options: new Map() };
  const set = (spec: OptionSpec, value: string | true) => {
    if (parsed.options.has(spec.name)) throw new UsageError(`${describe(spec)} is given more than once`, command);
    parsed.options.set(spec.name, value);
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inlineValue: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inlineValue = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byLong.get(name);
      if (!spec) throw new UsageError(`unknown option --${name}`, command);
    } else {
      if (arg.length !== 2) throw new UsageError(`unknown option ${arg} (write long options with two dashes)`, command);
      spec = byShort.get(arg.slice(1));
      if (!spec) throw new UsageError(`unknown option ${arg}`, command);
    }
    if (!spec.value) {
      if (inlineValue !== undefined) throw new UsageError(`${describe(spec)} takes no value`, command);
      set(spec, true);
      continue;
    }
    const value = inlineValue ?? args[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new UsageError(`${describe(spec)} needs a value (${describe(spec)} ${spec.value})`, command);
    }
    set(spec, value);
  }
  return parsed;
}

/** The option list of a help text: one line per option, descriptions aligned. */
export function formatOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ` ${s.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length));
  return specs.map((s, i) => `  ${heads[i]!.padEnd(width)}  ${s.description}`).join('\n');
}
