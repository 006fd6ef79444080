// The registry is the single source of truth per channel kind: every kind has a complete adapter,
// its admin form names settings its schema knows, and no table keyed by channel kind exists
// outside channels/ (anything per kind elsewhere is derived from the registry with perChannelKind).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelAdapters, channelKinds, perChannelKind } from '../../../channels/registry.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** Source folders outside channels/ that must hold no per-kind knowledge. */
const scanned = ['src', 'workers', 'web/src', 'web/widget/src'];
/**
 * Skipped, with the reason: generated code; the demo seed and the simulation's scenario, which are
 * data about particular channels (a demo email inbox, a simulated day's traffic mix), not tables
 * every kind must appear in.
 */
const skipped = ['src/generated', 'src/seed', 'src/sim'];

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  return readdirSync(abs).flatMap((name) => {
    const rel = path.join(dir, name);
    if (skipped.some((s) => rel === s || rel.startsWith(`${s}/`))) return [];
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

const kindAlternation = channelKinds.join('|');
const rules: { name: string; find(source: string): string[] }[] = [
  {
    // { email: ..., sms: ... } — a table with an entry per kind (one kind alone is a field name, e.g. a contact's email).
    name: 'object keyed by two or more channel kinds',
    find: (source) => {
      const keys = new Set([...source.matchAll(new RegExp(`(?<![\\w.'"])['"]?(${kindAlternation})['"]?\\s*:(?!:)`, 'g'))].map((m) => m[1]!));
      return keys.size >= 2 ? [`keys ${[...keys].join(', ')}`] : [];
    },
  },
  {
    // kind === 'sms', case 'webchat': — branching on the kind.
    name: 'comparison with a channel kind',
    find: (source) => [...source.matchAll(new RegExp(`(?:[!=]==?\\s*|case\\s+)['"](${kindAlternation})['"]`, 'g'))].map((m) => m[0]),
  },
  {
    // ['sms', 'whatsapp'] — a hand-kept list of kinds.
    name: 'list of channel kinds',
    find: (source) => [...source.matchAll(new RegExp(`['"](${kindAlternation})['"]\\s*,\\s*['"](${kindAlternation})['"]`, 'g'))].map((m) => m[0]),
  },
  {
    // where: { kind: 'telegram' }, adapterFor('sms') — code that names the kind it handles.
    name: 'a channel kind named in code',
    find: (source) => [...source.matchAll(new RegExp(`(?:\\b(?:kind|channelKind|channel)\\s*:\\s*|adapterFor\\(\\s*)['"](${kindAlternation})['"]`, 'g'))].map((m) => m[0]),
  },
  {
    // Record<ChannelKind, ...> must be built from the registry, not written out.
    name: 'Record<ChannelKind, …> not derived from the registry',
    find: (source) => (source.includes('Record<ChannelKind') && !source.includes('perChannelKind(') ? ['Record<ChannelKind'] : []),
  },
];

describe('the channel registry', () => {
  it('has an adapter for every kind, under its own kind', () => {
    for (const kind of channelKinds) expect(channelAdapters[kind].kind).toBe(kind);
    expect(Object.keys(channelAdapters).sort()).toEqual([...channelKinds].sort());
  });

  it('derives per-kind tables from the adapters', () => {
    expect(perChannelKind((a) => a.label)).toEqual(Object.fromEntries(channelKinds.map((k) => [k, channelAdapters[k].label])));
  });

  it.each(channelKinds)('%s: every admin form field is a setting its schema knows', (kind) => {
    const { setup } = channelAdapters[kind];
    for (const field of setup.form) {
      let schema: z.ZodType = setup.settings;
      for (const key of field.path.split('.')) {
        while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) schema = schema.unwrap() as z.ZodType;
        expect(schema, `${kind}: ${field.path}`).toBeInstanceOf(z.ZodObject);
        const next = (schema as z.ZodObject).shape[key] as z.ZodType | undefined;
        expect(next, `${kind}: ${field.path} is not in the settings schema`).toBeDefined();
        schema = next!;
      }
    }
  });

  it.each(channelKinds)('%s: has the names, icon and address rule the web app shows', (kind) => {
    const a = channelAdapters[kind];
    expect(a.label.trim()).not.toBe('');
    expect(a.shortLabel.trim()).not.toBe('');
    expect(a.icon.path).toMatch(/^M/);
    expect(a.icon.colour).toMatch(/^#[0-9a-f]{6}$/i);
    expect(a.capacityWeight).toBeGreaterThan(0);
    expect(a.setup.canonicalAddress('')).toBeNull();
  });

  it('is the only place that knows the kinds: no per-kind table or branch outside channels/', () => {
    const findings = scanned.flatMap(sourceFiles).flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return rules.flatMap((rule) => rule.find(source).map((hit) => `${file}: ${rule.name} (${hit})`));
    });
    expect(findings).toEqual([]);
  });

  it('the scan finds a per-kind table where one is written', () => {
    const table = `const weights = { ${channelKinds[0]}: 1, ${channelKinds[1]}: 2 };`;
    const branch = `if (channel.kind === '${channelKinds[2]}') return;`;
    const lookup = `db.channel.findFirst({ where: { kind: '${channelKinds[3]}' } })`;
    expect(rules.flatMap((r) => r.find(table))).not.toEqual([]);
    expect(rules.flatMap((r) => r.find(branch))).not.toEqual([]);
    expect(rules.flatMap((r) => r.find(lookup))).not.toEqual([]);
    expect(rules.flatMap((r) => r.find('const contact = { email: "a@b.c", phone: null };'))).toEqual([]);
  });
});

it('a widget key may not be shaped like a channel id, which the widget also accepts', () => {
  expect(channelAdapters.webchat.setup.canonicalAddress('acme-website')).toBe('acme-website');
  expect(channelAdapters.webchat.setup.canonicalAddress('0193aa00-0000-7000-8000-000000000001')).toBeNull();
});

it('channels/ imports no database client, no queue and nothing of the hub (src/)', () => {
  const forbidden = /from\s+['"](?:(?:\.\.\/)+src\/[^'"]*|@prisma\/[^'"]*|bullmq|ioredis|pg)['"]/g;
  const files = sourceFiles('channels');
  expect(files.length).toBeGreaterThan(30);
  const findings = files.flatMap((file) => [...readFileSync(path.join(root, file), 'utf8').matchAll(forbidden)].map((m) => `${file}: ${m[0]}`));
  expect(findings).toEqual([]);
});
