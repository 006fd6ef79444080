// The body POST /api/me/presence and POST /api/agents/:id/presence validate. Zod only, so the web
// app's type check can load it (src/contract).
import { z } from 'zod';

export const presenceBody = z.object({ presence: z.enum(['online', 'away', 'offline']) });
