// What a login returns: the session token (also set as the cookie), when it expires, and who
// logged in. Node-free (src/contract).

export interface LoginResult {
  token: string;
  expiresAt: Date;
  agent: { id: string; name: string; email: string; role: string; workspaceId: string };
}

/** POST /api/auth/login */
export function toLoginView(r: LoginResult) {
  return { token: r.token, expiresAt: r.expiresAt.toISOString(), agent: r.agent };
}

export type LoginView = ReturnType<typeof toLoginView>;
