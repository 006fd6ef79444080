// Logging in with email and password. Unknown emails, people without a password and deactivated
// people cost the same hash as a wrong password and get the same answer, so neither the answer
// nor its timing tells which accounts exist. A hash made with older parameters is replaced on a
// successful login (the password is known only then).
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { LoginResult } from './login-view.ts';
import type { PasswordHasher } from './password.ts';
import { startSession, type SessionClient } from './sessions.ts';

export async function login(
  deps: { db: Db; passwords: PasswordHasher },
  input: { email: string; password: string; now: Date; ttlHours: number; client: SessionClient },
): Promise<LoginResult> {
  const agent = await deps.db.agent.findUnique({ where: { email: input.email.trim().toLowerCase() } });
  const stored = agent?.active ? agent.passwordHash : null;
  const { ok, rehash } = await deps.passwords.verify(input.password, stored);
  if (!agent || !ok) throw new AppError('unauthenticated', 'Email or password is incorrect');
  if (rehash) {
    const passwordHash = await deps.passwords.hash(input.password);
    // Only over the hash just verified: a password changed meanwhile is not overwritten.
    await deps.db.agent.updateMany({ where: { id: agent.id, passwordHash: stored }, data: { passwordHash } });
  }
  return startSession(deps.db, { agent, now: input.now, ttlHours: input.ttlHours, client: input.client });
}
