// The queries /api/deliveries validates. Zod only, so the web app's type check can load them (src/contract).
import { z } from 'zod';

export const deliveryListQuery = z.object({
  state: z.enum(['retrying', 'dead', 'uncertain']),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
