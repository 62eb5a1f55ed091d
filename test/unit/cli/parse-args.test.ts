import { describe, expect, it } from 'vitest';
import { UsageError } from '@/src/cli/cli-io';
import { formatOptions, parseArgs, type OptionSpec } from '@/src/cli/parse-args';

const SPECS: OptionSpec[] = [
  { name: 'url', value: 'URL', description: 'page address' },
  { name: 'json', short: 'j', description: 'print JSON' },
];

describe('parseArgs', () => {
  it('reads flags, valued options in both spellings, positionals, "-" and "--"', () => {
    const parsed = parseArgs(['page.html', '--url', 'https://x.test/', '-j', '-', '--', '--json'], SPECS);
    expect(parsed.positionals).toEqual(['page.html', '-', '--json']);
    expect(Object.fromEntries(parsed.options)).toEqual({ url: 'https://x.test/', json: true });
    expect(Object.fromEntries(parseArgs(['--url=https://y.test/?a=b'], SPECS).options)).toEqual({ url: 'https://y.test/?a=b' });
  });

  it('rejects unknown, repeated, valueless and misspelt options with a usage error', () => {
    const cases: [string[], RegExp][] = [
      [['--colour'], /unknown option --colour/],
      [['-x'], /unknown option -x/],
      [['-json'], /two dashes/],
      [['--url'], /--url needs a value/],
      [['--url', '--json'], /--url needs a value/],
      [['--json=yes'], /--json takes no value/],
      [['--json', '--json'], /more than once/],
    ];
    for (const [args, message] of cases) {
      expect(() => parseArgs(args, SPECS, 'inspect'), args.join(' ')).toThrow(message);
      expect(() => parseArgs(args, SPECS, 'inspect')).toThrow(UsageError);
    }
  });

  it('lists options with aligned descriptions', () => {
    expect(formatOptions(SPECS)).toBe('      --url URL  page address\n  -j, --json     print JSON');
  });
});
