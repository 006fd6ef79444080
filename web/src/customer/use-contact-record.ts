// One contact as the customer panel and the contact page show it: loaded (again when `refreshKey`
// changes, e.g. the realtime epoch), saved field by field with a toast naming what went wrong, and
// reloadable after a change made elsewhere (a merge, an erasure).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ContactDetail, ContactPatchBody } from '../api/types.ts';
import { useToasts } from '../ui/toasts.tsx';

export function useContactRecord(contactId: string, refreshKey?: unknown) {
  const [contact, setContact] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();

  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    api.contact(contactId, ctl.signal).then(setContact, (err: unknown) => !ctl.signal.aborted && setError(errorMessage(err)));
    return () => ctl.abort();
  }, [contactId, refreshKey]);

  const save = useCallback(
    async (patch: ContactPatchBody) => {
      try {
        setContact(await api.updateContact(contactId, patch));
        return true;
      } catch (err) {
        toasts.error(`Could not save the contact: ${errorMessage(err)}`);
        return false;
      }
    },
    [contactId, toasts],
  );

  const reload = useCallback(() => void api.contact(contactId).then(setContact), [contactId]);

  return { contact, error, save, reload };
}
