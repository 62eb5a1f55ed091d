// Test helpers: read the real list fixtures (UFLPA rows, CBP WRO rows, OpenSanctions FollowTheMoney lines)
// into matcher entities, and build entities tersely.

import { readFileSync } from 'node:fs';
import type { EntityIdentifier } from '@/src/core/types';
import type { MatcherEntity } from '@/src/matcher';

export function fixtureText(relative: string): string {
  return readFileSync(new URL(`../../fixtures/${relative}`, import.meta.url), 'utf8');
}

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, newlines in quotes). */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])));
}

export function entity(id: string, name: string, extra: Partial<MatcherEntity> = {}): MatcherEntity {
  return { id, name, aliases: [], weakAliases: [], previousNames: [], identifiers: [], countries: [], ...extra };
}

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** UFLPA Entity List sample rows: primary name and "; "-separated aliases. */
export function uflpaEntities(): MatcherEntity[] {
  return parseCsv(fixtureText('forced_labour_import_bans/uflpa_entity_list_sample_rows.csv')).map((row) =>
    entity(`us-dhs-uflpa:${slug(row.primary_name!)}`, row.primary_name!, {
      aliases: row.aliases ? row.aliases.split('; ') : [],
      countries: ['CN'],
    }),
  );
}

/** CBP WRO and Findings rows (one entity per distinct primary name). */
export function cbpEntities(): MatcherEntity[] {
  const seen = new Map<string, MatcherEntity>();
  for (const row of parseCsv(fixtureText('forced_labour_import_bans/cbp_wro_findings_active_UNVERIFIED.csv'))) {
    const id = `us-cbp-wro:${slug(row.primary_name!)}`;
    if (!seen.has(id)) seen.set(id, entity(id, row.primary_name!, { aliases: row.aliases ? row.aliases.split('; ') : [] }));
  }
  return [...seen.values()];
}

/** Companies and organisations of an OpenSanctions FollowTheMoney JSON-lines file. */
export function ftmEntities(file: string): MatcherEntity[] {
  const out: MatcherEntity[] = [];
  for (const line of fixtureText(`opensanctions_ftm/${file}`).split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[] | undefined> };
    if (!['Company', 'Organization', 'LegalEntity'].includes(record.schema)) continue;
    const p = record.properties;
    const [name, ...otherNames] = p.name ?? [];
    if (!name) continue;
    const identifiers: EntityIdentifier[] = [
      ...(p.leiCode ?? []).map((value) => ({ scheme: 'lei' as const, value })),
      ...(p.uniqueEntityId ?? []).map((value) => ({ scheme: 'uei' as const, value })),
      ...(p.registrationNumber ?? []).map((value) => ({ scheme: 'registration' as const, value })),
    ];
    out.push(
      entity(record.id, name, {
        aliases: [...otherNames, ...(p.alias ?? [])],
        weakAliases: p.weakAlias ?? [],
        previousNames: p.previousName ?? [],
        identifiers,
        countries: (p.country ?? []).map((c) => c.toUpperCase()),
      }),
    );
  }
  return out;
}
