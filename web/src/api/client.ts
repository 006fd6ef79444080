// fetch wrapper: JSON in and out, the API's {error:{code,message,details}} turned into ApiError, and
// one hook for "the session is gone" so any 401 sends the agent back to the login page.
import type { FieldProblem } from './types.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A 422's problems, each at a dotted path into the body sent (empty when the server named none). */
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

let onUnauthorized: () => void = () => undefined;

export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export async function request<T>(method: string, path: string, body?: unknown, opts: { signal?: AbortSignal; quiet401?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body !== undefined ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Cannot reach Parley. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const apiError = new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? `The server answered ${res.status} ${res.statusText}`.trim(), fieldProblems(error?.details));
    if (res.status === 401 && !opts.quiet401) onUnauthorized();
    throw apiError;
  }
  return data as T;
}

function fieldProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string');
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
