// The bodies the accounts endpoints validate: people (invite, change), teams, one's own profile
// and password, accepting an account link, and the first run. Zod only, so the web app's type
// check can load them (src/contract).
import { z } from 'zod';

export const roleSchema = z.enum(['agent', 'supervisor', 'admin']);
export const emailSchema = z.string().trim().toLowerCase().max(200).pipe(z.email('must be an email address'));
export const personName = z.string().trim().min(1, 'must not be empty').max(100);
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = z.string().min(8, 'must be at least 8 characters').max(200);
const ids = z.array(z.string().min(1).max(100)).max(200);
const languageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'use a language tag such as en or pt-BR')
  .transform((t) => t.toLowerCase());
const skill = z.object({ skill: z.string().trim().min(1).max(60), level: z.number().int().min(1).max(10) });

export const inviteBody = z.object({ email: emailSchema, name: personName, role: roleSchema.default('agent'), teamIds: ids.default([]) });

export const personPatchBody = z
  .object({
    name: personName,
    role: roleSchema,
    teamIds: ids,
    skills: z.array(skill).max(100),
    capacity: z.number().int().min(0).max(10_000),
    languages: z.array(languageTag).max(20),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give name, role, teamIds, skills, capacity and/or languages');

export const teamCreateBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(80), leadAgentId: z.string().min(1).nullable().optional(), memberIds: ids.optional() });

export const teamPatchBody = teamCreateBody
  .extend({ archived: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give name, leadAgentId, memberIds and/or archived');

export const teamListQuery = z.object({ archived: z.enum(['include', 'exclude']).default('exclude') });

export const profilePatchBody = z.object({ name: personName });

export const passwordChangeBody = z.object({ currentPassword: z.string().min(1, 'must not be empty').max(200), newPassword });

/** POST /api/account-links/:token/accept: an invite also takes the person's name (as they want it shown). */
export const acceptLinkBody = z.object({ name: personName.optional(), password: newPassword });

export const firstRunBody = z.object({ workspaceName: z.string().trim().min(1, 'must not be empty').max(80), name: personName, email: emailSchema, password: newPassword });
