// The body POST /api/auth/login validates. Zod only, so the web app's type check can load it
// (src/contract).
import { z } from 'zod';

export const loginBody = z.object({ email: z.email(), password: z.string().min(1).max(200) });

/** POST /api/me/sessions/logout-all: "log out everywhere else" keeps the asking session (the default); false ends it too. */
export const logoutAllBody = z.object({ keepCurrent: z.boolean().default(true) });
