// The API calls of Customer 360: the contacts list and its saved views, lifecycle stages,
// attribute definitions and organisations.
import { request } from './client.ts';
import type {
  AttributeDefinition,
  AttributeDefinitionBody,
  AttributeDefinitionPatchBody,
  ContactFilters,
  ContactList,
  Items,
  LifecycleStage,
  Organisation,
  OrganisationBody,
  OrganisationDetail,
  OrganisationPatchBody,
  SavedContactView,
  SavedContactViewBody,
  SavedContactViewPatchBody,
} from './types.ts';

const enc = encodeURIComponent;

/** The filters as a query string, leaving out the empty ones. */
export function filterSearch(f: ContactFilters): URLSearchParams {
  return new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

export const contactApi = {
  contacts: (f: ContactFilters, cursor: string | null, signal?: AbortSignal) => {
    const q = filterSearch(f);
    if (cursor) q.set('cursor', cursor);
    return request<ContactList>('GET', `/api/contacts?${q}`, undefined, { signal });
  },
  views: () => request<Items<SavedContactView>>('GET', '/api/contact-views'),
  createView: (body: SavedContactViewBody) => request<SavedContactView>('POST', '/api/contact-views', body),
  updateView: (id: string, body: SavedContactViewPatchBody) => request<SavedContactView>('PATCH', `/api/contact-views/${enc(id)}`, body),
  deleteView: (id: string) => request<void>('DELETE', `/api/contact-views/${enc(id)}`),

  stages: () => request<Items<LifecycleStage>>('GET', '/api/lifecycle-stages'),
  addStage: (name: string) => request<Items<LifecycleStage>>('POST', '/api/lifecycle-stages', { name }),
  renameStage: (id: string, name: string) => request<Items<LifecycleStage>>('PATCH', `/api/lifecycle-stages/${enc(id)}`, { name }),
  reorderStages: (ids: string[]) => request<Items<LifecycleStage>>('PUT', '/api/lifecycle-stages/order', { ids }),
  /** `moveTo`: another stage's id, "none" to clear it from its contacts, or undefined when nobody is in it. */
  removeStage: (id: string, moveTo?: string) => request<Items<LifecycleStage>>('DELETE', `/api/lifecycle-stages/${enc(id)}${moveTo ? `?moveTo=${enc(moveTo)}` : ''}`),

  attributes: () => request<Items<AttributeDefinition>>('GET', '/api/attribute-definitions'),
  createAttribute: (body: AttributeDefinitionBody) => request<AttributeDefinition>('POST', '/api/attribute-definitions', body),
  updateAttribute: (id: string, body: AttributeDefinitionPatchBody) => request<AttributeDefinition>('PATCH', `/api/attribute-definitions/${enc(id)}`, body),
  deleteAttribute: (id: string) => request<void>('DELETE', `/api/attribute-definitions/${enc(id)}`),

  organisations: (q: { q?: string; domain?: string } = {}) => request<Items<Organisation>>('GET', `/api/organisations?${filterSearch(q)}`),
  organisation: (id: string, signal?: AbortSignal) => request<OrganisationDetail>('GET', `/api/organisations/${enc(id)}`, undefined, { signal }),
  createOrganisation: (body: OrganisationBody) => request<Organisation>('POST', '/api/organisations', body),
  updateOrganisation: (id: string, body: OrganisationPatchBody) => request<Organisation>('PATCH', `/api/organisations/${enc(id)}`, body),
  deleteOrganisation: (id: string) => request<void>('DELETE', `/api/organisations/${enc(id)}`),
};
