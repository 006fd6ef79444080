// Where a provider reaches a channel's webhook: /webhooks/<kind>/<channel id>[/<step>] under the
// public URL, served by one generic route (src/http/routes/webhooks.ts) for every kind.
export function webhookPath(kind: string, channelId: string, step = ''): string {
  return `/webhooks/${encodeURIComponent(kind)}/${encodeURIComponent(channelId)}${step ? `/${step}` : ''}`;
}

export function webhookUrl(baseUrl: string, kind: string, channelId: string, step = ''): string {
  return `${baseUrl.replace(/\/+$/, '')}${webhookPath(kind, channelId, step)}`;
}
