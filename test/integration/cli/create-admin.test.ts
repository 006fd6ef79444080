// `parley create-admin` in-process against a real database: the first workspace on an empty
// database, another admin with --workspace, the password from stdin or a file, and one
// `parley: ...` line with a non-zero exit for every bad input.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPasswords } from '../../support/passwords.ts';
import { firstAdminHint } from '../../../src/domain/people/first-admin-hint.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { parleyWith } from '../../support/parley-cli.ts';

describe('parley create-admin', () => {
  let testDb: TestDb;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    testDb = await createTestDb();
    dir = await mkdtemp(path.join(tmpdir(), 'parley-cli-'));
    env = { DATABASE_URL: testDb.url, PUBLIC_URL: 'http://parley.example' };
  });
  afterAll(async () => {
    await testDb?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const run = (stdin: string, ...args: string[]) => parleyWith({ stdin, env }, 'create-admin', ...args);

  it('refuses bad input with one line and a non-zero exit, creating nobody', async () => {
    expect(await run('pw\n')).toMatchObject({ code: 2, stdout: '' });
    expect((await run('pw\n', '--email', 'a@b.test')).stderr).toMatch(/^parley: usage: parley create-admin/);
    expect(await run('long enough pw\n', '--email', 'not-an-email', '--name', 'A')).toEqual({ code: 1, stdout: '', stderr: 'parley: --email must be an email address\n' });
    expect(await run('short\n', '--email', 'a@b.test', '--name', 'A')).toEqual({ code: 1, stdout: '', stderr: 'parley: the password must be at least 8 characters\n' });
    expect(await run('', '--email', 'a@b.test', '--name', 'A')).toEqual({ code: 1, stdout: '', stderr: 'parley: the password must be at least 8 characters\n' });
    expect((await run('long enough pw\n', '--email', 'a@b.test', '--name', 'A', '--workspace', 'x', '--workspace-name', 'Y')).code).toBe(2);
    expect((await run('long enough pw\n', '--email', 'a@b.test', '--name', 'A', '--bogus')).code).toBe(2);
    expect(await run('long enough pw\n', '--email', 'a@b.test', '--name', 'A', '--workspace', 'acme')).toEqual({
      code: 1,
      stdout: '',
      stderr: "parley: no workspace with the slug 'acme' (the database has none: leave out --workspace to create one)\n",
    });
    expect(await testDb.db.agent.count()).toBe(0);
    // What the log says on start meanwhile.
    expect(await firstAdminHint(testDb.db, 'http://parley.example')).toBe(
      'Nobody can log in yet: create the first admin with `npm run -s parley -- create-admin --email you@example.com --name "Your Name"` (the password is read from stdin), or open http://parley.example to use the first-run screen',
    );
  });

  it('creates the first workspace and admin, reading the password from a file', async () => {
    const file = path.join(dir, 'password');
    await writeFile(file, 'from a file, safely\n');
    const result = await parleyWith({ env }, 'create-admin', '--email', ' Boss@Acme.Test ', '--name', 'Bo Boss', '--workspace-name', 'Acme Ltd.', '--password-file', file);
    expect(result).toEqual({ code: 0, stdout: 'created admin boss@acme.test in workspace "Acme Ltd." (slug acme-ltd); log in at http://parley.example\n', stderr: '' });
    const boss = await testDb.db.agent.findUniqueOrThrow({ where: { email: 'boss@acme.test' }, include: { workspace: true } });
    expect(boss).toMatchObject({ role: 'admin', active: true, name: 'Bo Boss', workspace: { name: 'Acme Ltd.', slug: 'acme-ltd' } });
    expect(await testPasswords.verify('from a file, safely', boss.passwordHash)).toEqual({ ok: true, rehash: true });
    // Hashed at OWASP's parameters (the command's environment sets no PASSWORD_HASH_COST).
    expect(boss.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    // The workspace is ready to work in: statuses and the General queue exist.
    expect(await testDb.db.queue.count({ where: { workspaceId: boss.workspaceId, name: 'General' } })).toBe(1);
    expect(await testDb.db.statusDefinition.count({ where: { workspaceId: boss.workspaceId } })).toBeGreaterThan(0);
    expect(await firstAdminHint(testDb.db, 'http://parley.example')).toBeNull();
  });

  it('adds an admin to a workspace named by its slug, and never a second workspace by accident', async () => {
    expect(await run('long enough pw\n', '--email', 'two@acme.test', '--name', 'Two')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'parley: a workspace exists already: name it with --workspace SLUG (acme-ltd)\n',
    });
    const added = await run('second admin pw\n', '--email', 'two@acme.test', '--name', 'Two', '--workspace', 'acme-ltd');
    expect(added.code).toBe(0);
    expect(await testDb.db.agent.findUniqueOrThrow({ where: { email: 'two@acme.test' } })).toMatchObject({ role: 'admin' });
    expect(await run('second admin pw\n', '--email', 'two@acme.test', '--name', 'Two', '--workspace', 'acme-ltd')).toEqual({ code: 1, stdout: '', stderr: 'parley: email: two@acme.test already has a Parley login\n' });
    expect(await testDb.db.workspace.count()).toBe(1);
    expect(await testDb.db.auditEvent.count({ where: { action: { in: ['workspace.create', 'agent.create_admin'] } } })).toBe(2);
  });
});
