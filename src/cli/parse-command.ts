// `parley parse <kind> FILE`: runs a channel adapter's normalize over a saved raw payload and
// returns the NormalizedInbound as JSON, to see what Parley makes of a message without a server.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { adapterFor, channelKinds, type ChannelKind } from '../../channels/registry.ts';
import { ParseError, type ChannelAdapter, type NormalizedAttachment, type NormalizedInbound } from '../../channels/types.ts';
import { inputError, usageError } from './cli-error.ts';

export const parseUsage = 'usage: parley parse <kind> FILE';

const argsSchema = z.tuple([z.string(), z.string().min(1)]);
const kindSchema = z.enum(channelKinds);

function parseArgs(args: readonly string[]): { kind: ChannelKind; file: string } {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) throw usageError(parseUsage);
  const [kindArg, file] = parsed.data;
  const kind = kindSchema.safeParse(kindArg);
  if (!kind.success) throw usageError(`unknown channel kind '${kindArg}' (expected one of: ${channelKinds.join(', ')})`);
  return { kind: kind.data, file };
}

function adapterOrUsageError(kind: ChannelKind): ChannelAdapter {
  return adapterFor(kind);
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };
    throw inputError(`cannot read ${file}: ${(code && reasons[code]) ?? (err as Error).message}`);
  }
}

/**
 * NormalizedInbound as printable JSON: what it is first (channel, externalId, kind), then the
 * fields its kind has; dates print as ISO strings, attachments without their bytes.
 */
export function inboundToJson(inbound: NormalizedInbound): Record<string, unknown> {
  const { channel, externalId, kind, ...fields } = inbound;
  return { channel, externalId, kind, ...fields, ...('attachments' in fields ? { attachments: fields.attachments.map(describeAttachment) } : {}) };
}

function describeAttachment(a: NormalizedAttachment): Record<string, unknown> {
  return { filename: a.filename, contentType: a.contentType, size: a.size, contentId: a.contentId, url: a.url, inline: a.inline };
}

/** Runs the command; resolves with the JSON text for stdout, rejects with a CliError. */
export async function runParseCommand(args: readonly string[]): Promise<string> {
  const { kind, file } = parseArgs(args);
  const adapter = adapterOrUsageError(kind);
  const raw = await readInput(file);
  const channel = { id: 'cli', workspaceId: 'cli', kind, address: 'cli@parley.invalid', settings: {} };
  try {
    return JSON.stringify(inboundToJson(await adapter.normalize(raw, channel)), null, 2);
  } catch (err) {
    if (err instanceof ParseError) throw inputError(`cannot parse ${file} as ${kind}: ${err.message}`);
    throw err;
  }
}
