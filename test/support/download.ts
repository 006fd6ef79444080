// A GET of a download (an export, a file) as a logged-in agent: status, headers and the body as text.
export interface Download {
  status: number;
  headers: Headers;
  text: string;
}

export async function download(apiUrl: string, token: string | null, path: string): Promise<Download> {
  const res = await fetch(`${apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
