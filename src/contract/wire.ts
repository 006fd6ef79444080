// What a value becomes on the wire (JSON.stringify, then JSON.parse in the browser): dates turn
// into ISO strings, Prisma's JSON columns into plain JSON (`Json`), objects and arrays map member
// by member.
import type { Prisma } from '../db/model-types.ts';

/** Any JSON value (the same shape as the bodies' `z.json()`, so what the server shows can be sent back). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** T is exactly U (not merely assignable: an object of optional JSON fields is not a JSON column). */
type Is<T, U> = (<G>() => G extends T ? 1 : 2) extends <G>() => G extends U ? 1 : 2 ? true : false;

export type Wire<T> = T extends Date
  ? string
  : T extends string | number | boolean | null | undefined
    ? T
    : // A JSON column (its object or array half; the scalars were taken above).
      Is<T, Prisma.JsonObject> extends true
      ? JsonObject
      : Is<T, Prisma.JsonArray> extends true
        ? Json[]
        : T extends readonly (infer U)[]
          ? Wire<U>[]
          : T extends object
            ? { [K in keyof T]: Wire<T[K]> }
            : T;

/** A socket.io event map as the browser receives it: each listener gets the wire form of its payload. */
export type WireEvents<M> = { [E in keyof M]: M[E] extends (payload: infer P) => void ? (payload: Wire<P>) => void : never };
