// The workspace's lifecycle stages and attribute definitions, loaded once per page and shared by
// every editor on it (the customer panel, the contact page, the contacts list's filters).
import { useEffect, useState } from 'react';
import { contactApi } from '../api/contact-endpoints.ts';
import type { AttributeDefinition, LifecycleStage } from '../api/types.ts';

export interface ContactSettings {
  stages: LifecycleStage[];
  attributes: AttributeDefinition[];
}

let cached: Promise<ContactSettings> | null = null;

/** Forget what was loaded (after the settings pages changed it). */
export function reloadContactSettings(): void {
  cached = null;
}

export function useContactSettings(): ContactSettings {
  const [settings, setSettings] = useState<ContactSettings>({ stages: [], attributes: [] });
  useEffect(() => {
    let live = true;
    cached ??= Promise.all([contactApi.stages(), contactApi.attributes()]).then(([s, a]) => ({ stages: s.items, attributes: a.items }));
    cached.then(
      (s) => live && setSettings(s),
      () => {
        cached = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return settings;
}
