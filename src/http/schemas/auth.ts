// The body POST /api/auth/login validates. Zod only, so the web app's type check can load it
// (src/contract).
import { z } from 'zod';

export const loginBody = z.object({ email: z.email(), password: z.string().min(1).max(200) });
