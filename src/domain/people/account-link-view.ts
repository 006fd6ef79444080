// One-time account links (an invite, a password reset) as the API shows them: to the admin who
// made one (the link, and whether it went out by email), and to whoever opens it (what it is
// for, before they choose a password). Node-free (src/contract).
import type { AgentTokenPurpose } from '../../db/model-types.ts';

export interface IssuedLink {
  purpose: AgentTokenPurpose;
  url: string;
  expiresAt: Date;
}

export interface LinkDelivery {
  /** The address it was emailed to, or null when it was not (no email channel, or sending failed). */
  emailedTo: string | null;
  /** Why it was not emailed, in words an admin can act on. */
  emailError: string | null;
}

/** What the admin gets: the link to pass on (always), and whether Parley emailed it. */
export function toAccountLinkView(link: IssuedLink, delivery: LinkDelivery) {
  return { purpose: link.purpose, url: link.url, expiresAt: link.expiresAt, emailedTo: delivery.emailedTo, emailError: delivery.emailError };
}

export type AccountLinkView = ReturnType<typeof toAccountLinkView>;

/** GET /api/account-links/:token, for the page the link opens. */
export function toAccountLinkInfo(input: { purpose: AgentTokenPurpose; email: string; name: string; workspaceName: string; expiresAt: Date }) {
  return { purpose: input.purpose, email: input.email, name: input.name, workspaceName: input.workspaceName, expiresAt: input.expiresAt };
}

export type AccountLinkInfo = ReturnType<typeof toAccountLinkInfo>;
