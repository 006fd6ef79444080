// Refuses request bodies over a size with our error shape (413 payload_too_large).
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.ts';

export function limitBody(maxBytes: number, what: string) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is not read: the connection cannot carry another request after it.
      c.header('Connection', 'close');
      throw new AppError('payload_too_large', `${what} is larger than ${maxBytes} bytes`);
    },
  });
}
