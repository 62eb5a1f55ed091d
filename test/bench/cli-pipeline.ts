// What `tenderlens match page.html --entities F --no-defaults --json` does, as one script: read FollowTheMoney
// JSON lines, compile the matcher, read the page's text from its markup, scan it, print the mentions as JSON.
// The benchmark times it (bundled, in its own process) only when the real command cannot run, and says so.
// Usage: node cli-pipeline.mjs <entities.ftm.jsonl> <page.html>

import { readFileSync } from 'node:fs';
import { compileMatcher, findMentions, type MatcherEntity } from '@/src/matcher';
import { decodeHtml, htmlPageText } from '@/src/cli/html-document';

interface FtmRecord {
  id: string;
  schema: string;
  properties: Record<string, string[] | undefined>;
}

function readFtmEntities(file: string): MatcherEntity[] {
  const entities: MatcherEntity[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as FtmRecord;
    const [name, ...otherNames] = record.properties.name ?? [];
    if (!name) continue;
    entities.push({
      id: record.id,
      name,
      aliases: [...otherNames, ...(record.properties.alias ?? [])],
      previousNames: record.properties.previousName ?? [],
      weakAliases: record.properties.weakAlias ?? [],
      identifiers: [],
      countries: [],
    });
  }
  return entities;
}

const [entitiesFile, pageFile] = process.argv.slice(2);
if (!entitiesFile || !pageFile) throw new Error('usage: cli-pipeline <entities.ftm.jsonl> <page.html>');
const matcher = compileMatcher(readFtmEntities(entitiesFile));
const mentions = findMentions(matcher, htmlPageText(decodeHtml(readFileSync(pageFile), pageFile), pageFile));
process.stdout.write(JSON.stringify({ mentions }) + '\n');
