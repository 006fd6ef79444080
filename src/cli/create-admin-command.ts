// `parley create-admin --email E --name N [--workspace SLUG | --workspace-name NAME] [--password-file F]`:
// on an empty database, creates the first workspace (named --workspace-name) with this admin;
// with --workspace, adds an admin to that existing workspace. The password comes from the file or
// stdin (a terminal does not echo it). Migrates the database first, so it works before `npm start`.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createDb } from '../db/client.ts';
import { ensureDatabase, migrate } from '../db/migrate.ts';
import { passwordHasherFor } from '../domain/auth/password.ts';
import { createFirstWorkspace, createWorkspaceAdmin, workspaceSlugs } from '../domain/people/create-admin.ts';
import { AppError } from '../errors.ts';
import { emailSchema, newPassword, personName } from '../http/schemas/people.ts';
import { inputError, usageError } from './cli-error.ts';
import { readPassword, readPasswordFile, type PasswordInput } from './read-password.ts';

export const createAdminUsage = 'usage: parley create-admin --email E --name N [--workspace SLUG | --workspace-name NAME] [--password-file F] (password on stdin otherwise)';

export interface CreateAdminIo {
  stdin: PasswordInput;
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

interface Args {
  email: string;
  name: string;
  workspace?: string;
  workspaceName?: string;
  passwordFile?: string;
}

function parse(args: readonly string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { email: { type: 'string' }, name: { type: 'string' }, workspace: { type: 'string' }, 'workspace-name': { type: 'string' }, 'password-file': { type: 'string' } },
    }));
  } catch (err) {
    throw usageError(`${(err as Error).message} (${createAdminUsage})`);
  }
  if (!values.email || !values.name) throw usageError(createAdminUsage);
  if (values.workspace && values['workspace-name']) throw usageError('give --workspace (an existing workspace) or --workspace-name (a new one), not both');
  return { email: values.email, name: values.name, workspace: values.workspace, workspaceName: values['workspace-name'], passwordFile: values['password-file'] };
}

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw inputError(`${what} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data;
}

async function password(args: Args, io: CreateAdminIo): Promise<string> {
  if (args.passwordFile) return readPasswordFile(args.passwordFile);
  const first = await readPassword(io.stdin, io.stderr);
  if (!io.stdin.isTTY) return first;
  if ((await readPassword(io.stdin, io.stderr, 'Password again: ')) !== first) throw inputError('the two passwords differ');
  return first;
}

/** Runs the command; resolves with the line for stdout, rejects with a CliError. */
export async function runCreateAdminCommand(argv: readonly string[], io: CreateAdminIo): Promise<string> {
  const args = parse(argv);
  const email = check(emailSchema, args.email, '--email');
  const name = check(personName, args.name, '--name');
  const workspaceName = args.workspaceName === undefined ? 'My workspace' : check(personName, args.workspaceName, '--workspace-name');
  const pass = check(newPassword, await password(args, io), 'the password');
  let config;
  try {
    config = loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) throw inputError(err.message);
    throw err;
  }
  await ensureDatabase(config.DATABASE_URL);
  await migrate(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL, { max: 2 });
  try {
    const input = { email, name, password: pass };
    if (!args.workspace) {
      const slugs = await workspaceSlugs(db);
      if (slugs.length > 0) throw inputError(`a workspace exists already: name it with --workspace SLUG (${slugs.join(', ')})`);
    }
    const deps = { db, passwords: passwordHasherFor(config) };
    const { workspace, admin } = args.workspace ? await createWorkspaceAdmin(deps, { ...input, slug: args.workspace }) : await createFirstWorkspace(deps, { ...input, workspaceName });
    return `created admin ${admin.email} in workspace "${workspace.name}" (slug ${workspace.slug}); log in at ${config.PUBLIC_URL}`;
  } catch (err) {
    if (err instanceof AppError) throw inputError(err.userMessage);
    throw err;
  } finally {
    await db.$disconnect();
  }
}

