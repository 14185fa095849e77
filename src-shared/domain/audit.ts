import { z } from 'zod';

/** One entry of the hash-chained audit log (src-main/core/audit/audit-log.ts). */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  /** `session.signedIn`, `override.approved`, `sale.voided`, `shift.closed` … */
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ChainCheck = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first entry (audit `seq`) or sale (receipt number) that does not verify, and why. */
  firstBroken: z.object({ at: z.string(), reason: z.string() }).nullable(),
});
export type ChainCheck = z.infer<typeof ChainCheck>;

export const AuditVerification = z.object({ ok: z.boolean(), audit: ChainCheck, sales: ChainCheck });
export type AuditVerification = z.infer<typeof AuditVerification>;
