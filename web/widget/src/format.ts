// Wording the visitor reads.
import type { Status } from './protocol.ts';

export function queueLine(waiting: NonNullable<Status['waiting']>): string {
  const place = waiting.position === 1 ? 'You are next in line.' : `You are number ${waiting.position} in the queue.`;
  if (waiting.estimatedWaitSeconds === null) return place;
  const minutes = Math.max(1, Math.round(waiting.estimatedWaitSeconds / 60));
  return `${place} Estimated wait: about ${minutes} min.`;
}

export function offlineIntro(reason: Status['reason']): string {
  return reason === 'closed'
    ? 'We are closed right now. Leave us a message and we will get back to you by email.'
    : 'Nobody is available to chat right now. Leave us a message and we will get back to you by email.';
}

export function newClientId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
