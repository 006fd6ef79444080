// Prisma's model, enum and payload types without the client: node-free, so modules the web app's
// type check loads (the views behind src/contract) can use them. Types only; nothing is bundled.
export type * from '../generated/prisma/browser.ts';
