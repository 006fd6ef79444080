// A conversation's tags as every writer takes them (the PATCH body, macros): trimmed, each at most
// 50 characters, at most 30, duplicates dropped. Zod only (node-free).
import { z } from 'zod';

export const tagList = z
  .array(z.string().trim().min(1, 'a tag must not be empty').max(50, 'a tag has at most 50 characters'))
  .max(30, 'at most 30 tags')
  .transform((tags) => [...new Set(tags)]);
