// The web app's first-run screen: while the database has no workspace, anyone who reaches Parley
// may create the first one with its admin, and is logged in as them. Once a workspace exists the
// answer is always no (the command line still adds admins).
import type { Db } from '../../db/client.ts';
import type { LoginResult } from '../auth/login-view.ts';
import type { PasswordHasher } from '../auth/password.ts';
import { startSession, type SessionClient } from '../auth/sessions.ts';
import { createFirstWorkspace, type AdminInput } from './create-admin.ts';

export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await db.workspace.count()) === 0;
}

export async function runFirstSetup(
  deps: { db: Db; passwords: PasswordHasher },
  input: AdminInput & { workspaceName: string; now: Date; ttlHours: number; client: SessionClient },
): Promise<LoginResult> {
  const { admin } = await createFirstWorkspace(deps, input);
  return startSession(deps.db, { agent: admin, now: input.now, ttlHours: input.ttlHours, client: input.client });
}
