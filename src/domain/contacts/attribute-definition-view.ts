// How a custom attribute definition is shown (settings page, customer panel). Node-free (src/contract).
import type { AttributeDefinition } from '../../db/model-types.ts';
import type { AttributeType } from './attribute-types.ts';

export function toAttributeDefinitionView(d: AttributeDefinition) {
  return { id: d.id, key: d.key, label: d.label, type: d.type as AttributeType, options: d.options, required: d.required };
}

export type AttributeDefinitionView = ReturnType<typeof toAttributeDefinitionView>;
