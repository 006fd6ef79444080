// How a channel kind's admin form (its fields come from the server's registry, GET
// /api/channel-kinds) reads and writes values in the settings object (dotted paths). The server
// checks the result against the kind's schema and names any bad field; this only shapes the form.
import type { Json, JsonObject, RedactedSecret, SettingField } from '../api/types.ts';

export type Field = SettingField;

/** Shown in place of a stored secret; sent back, it keeps the secret. */
export const REDACTED: RedactedSecret = '••••••••';

type Obj = JsonObject;

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Obj)[k] : undefined), obj);
}

/** A copy of `obj` with `path` set (objects on the way created); `undefined` removes the key. */
export function setPath(obj: Obj, path: string, value: Json | undefined): Obj {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Obj = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const here = copy[key];
  const inner = here !== null && typeof here === 'object' && !Array.isArray(here) ? here : {};
  const next = setPath(inner, rest.join('.'), value);
  if (Object.keys(next).length === 0) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** What the form holds for a field, as the input shows it. */
export function fieldText(settings: Obj, f: Field): string | boolean {
  const v = getPath(settings, f.path);
  if (f.type === 'checkbox') return v === undefined ? (f.default ?? false) : v === true;
  if (f.type === 'list') return Array.isArray(v) ? v.join('\n') : '';
  return v === undefined || v === null ? '' : String(v);
}

/** The settings with an input's value written in (empty text: the setting is left out). */
export function withField(settings: Obj, f: Field, input: string | boolean): Obj {
  if (f.type === 'checkbox') return setPath(settings, f.path, input === true);
  const text = String(input);
  if (f.type === 'list') {
    const items = text.split('\n').map((s) => s.trim()).filter(Boolean);
    return setPath(settings, f.path, items.length > 0 ? items : undefined);
  }
  if (text.trim() === '') return setPath(settings, f.path, undefined);
  if (f.type === 'number') return setPath(settings, f.path, Number.isFinite(Number(text)) ? Number(text) : text);
  return setPath(settings, f.path, f.type === 'secret' ? text : text.trim());
}

/**
 * The change to send for an edit: the form's settings, with null where a field that had a value was
 * emptied (the server merges settings key by key, and null removes one).
 */
export function settingsPatch(original: Obj, current: Obj, fields: Field[]): Obj {
  let patch = current;
  for (const f of fields) {
    if (getPath(original, f.path) !== undefined && getPath(current, f.path) === undefined) patch = setPath(patch, f.path, null);
  }
  return patch;
}
