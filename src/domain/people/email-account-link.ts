// Emails an invite or password-reset link to the person, from the workspace's first active channel
// whose addresses are email addresses (its adapter fills a contact's email from one), through that
// adapter's own send. Best effort: the admin always gets the link too, and sees why it was not
// emailed.
import type { AgentTokenPurpose } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import type { IssuedLink, LinkDelivery } from './account-link-view.ts';

const SEND_TIMEOUT_MS = 10_000;

interface LinkMail {
  workspaceId: string;
  workspaceName: string;
  to: { id: string; email: string; name: string };
  link: IssuedLink;
  /** Who asked for it, for the invite's first line. */
  byName: string;
}

function compose(m: LinkMail): { subject: string; text: string } {
  const until = `${m.link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const texts = {
    invite: {
      subject: `You're invited to ${m.workspaceName} on Parley`,
      text: `Hi ${m.to.name},\n\n${m.byName} invited you to answer customers with ${m.workspaceName} on Parley.\n\nChoose your password here (the link works once, until ${until}):\n\n${m.link.url}\n\nIf you did not expect this invitation, ignore this email.\n`,
    },
    password_reset: {
      subject: `Choose a new password for ${m.workspaceName} on Parley`,
      text: `Hi ${m.to.name},\n\n${m.byName} asked Parley for a new password for you.\n\nChoose it here (the link works once, until ${until}):\n\n${m.link.url}\n\nUntil then your current password keeps working.\n`,
    },
  } satisfies Record<AgentTokenPurpose, { subject: string; text: string }>;
  return texts[m.link.purpose];
}

async function emailChannel(deps: Pick<Deps, 'db' | 'adapterFor'>, workspaceId: string) {
  const channels = await deps.db.channel.findMany({ where: { workspaceId, active: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return channels.find((c) => deps.adapterFor(c.kind).contactFields?.(c.address).email !== undefined) ?? null;
}

export async function emailAccountLink(deps: Pick<Deps, 'db' | 'adapterFor' | 'log'>, mail: LinkMail): Promise<LinkDelivery> {
  const channel = await emailChannel(deps, mail.workspaceId);
  if (!channel) return { emailedTo: null, emailError: 'The workspace has no active email channel: pass the link on yourself' };
  const { subject, text } = compose(mail);
  const send = deps.adapterFor(channel.kind).send(
    { messageId: `account-link-${mail.to.id}-${mail.link.expiresAt.getTime()}`, externalId: null, to: { address: mail.to.email, name: mail.to.name }, subject, text, html: null, inReplyTo: null, references: [], attachments: [] },
    toChannelConfig(channel),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), SEND_TIMEOUT_MS)));
  try {
    const result = await Promise.race([send, timeout]);
    if (result === null) return { emailedTo: null, emailError: `${channel.name} did not send it within ${SEND_TIMEOUT_MS / 1000} seconds: pass the link on yourself` };
    if (!result.ok) {
      deps.log.warn({ channelId: channel.id, error: result.error }, 'could not email an account link');
      return { emailedTo: null, emailError: `${channel.name} could not send it (${result.error}): pass the link on yourself` };
    }
    return { emailedTo: mail.to.email, emailError: null };
  } catch (err) {
    deps.log.warn({ err, channelId: channel.id }, 'could not email an account link');
    return { emailedTo: null, emailError: `${channel.name} could not send it: pass the link on yourself` };
  } finally {
    clearTimeout(timer);
  }
}
