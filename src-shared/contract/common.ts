import { z } from 'zod';

/** Input of a method that takes nothing: `{}` only, so a stray field is an error, not ignored. */
export const none = z.object({}).strict();
/** An id made by a terminal or the server (UUIDv7 today; bounded, never trusted further). */
export const id = z.string().min(1).max(64);
