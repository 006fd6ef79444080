// Role checks live in one module: roles nest (admin > supervisor > agent), a refusal names who may
// act, and no route or domain function compares roles itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRole, isAdmin, isSupervisor, requireAdmin, requireRole, requireSupervisor, rolesAtLeast, type Viewer } from '../../../../src/domain/auth/viewer.ts';
import { AppError } from '../../../../src/errors.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const as = (role: Viewer['role']): Viewer => ({ agentId: 'a1', workspaceId: 'w1', role, teamIds: [] });

function refusal(check: () => void): { code: string; message: string } | null {
  try {
    check();
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, message: err.userMessage };
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return name.endsWith('.ts') ? [rel] : [];
  });
}

describe('viewer roles', () => {
  it('nest: an admin may do what a supervisor may, a supervisor what an agent may', () => {
    expect(['agent', 'supervisor', 'admin'].map((r) => isSupervisor(as(r as Viewer['role'])))).toEqual([false, true, true]);
    expect(['agent', 'supervisor', 'admin'].map((r) => isAdmin(as(r as Viewer['role'])))).toEqual([false, false, true]);
    expect(hasRole(as('agent'), 'agent')).toBe(true);
    expect(rolesAtLeast('supervisor')).toEqual(['supervisor', 'admin']);
  });

  it('refuse with forbidden and say who may act', () => {
    expect(refusal(() => requireSupervisor(as('agent'), 'see the supervisor board'))).toEqual({ code: 'forbidden', message: 'Only supervisors and admins may see the supervisor board' });
    expect(refusal(() => requireAdmin(as('supervisor'), 'change queues'))).toEqual({ code: 'forbidden', message: 'Only admins may change queues' });
    expect(refusal(() => requireRole(as('admin'), 'supervisor', 'read SLA policies'))).toBeNull();
    expect(refusal(() => requireAdmin(as('admin'), 'change queues'))).toBeNull();
  });

  it('are compared only in src/domain/auth/viewer.ts, never ad hoc in routes or domain functions', () => {
    const files = ['src/http', 'src/domain', 'src/realtime', 'workers'].flatMap(sourceFiles).filter((f) => f !== 'src/domain/auth/viewer.ts');
    const findings = files.flatMap((f) => [...readFileSync(path.join(root, f), 'utf8').matchAll(/\brole\s*[!=]==?\s*['"]\w+['"]/g)].map((m) => `${f}: ${m[0]}`));
    expect(findings).toEqual([]);
  });
});
