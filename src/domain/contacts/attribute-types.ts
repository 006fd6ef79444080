// The types a custom contact attribute can have. Node-free (the web app's forms list them).
export const attributeTypes = ['text', 'number', 'date', 'choice'] as const;
export type AttributeType = (typeof attributeTypes)[number];
