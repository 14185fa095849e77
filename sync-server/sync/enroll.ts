import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../src-shared/id';
import type { EnrollRequest, EnrollResponse } from '../../src-shared/sync/protocol';
import { appendChanges } from '../changes/append';
import type { Db, Trx } from '../db/connect';
import { ApiError } from '../http/errors';
import { newSecret, sha256 } from './terminal-auth';

/** No 0/O, 1/I/L: codes are read aloud and typed on a till. 12 of 31 symbols ≈ 59 bits. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Case, spaces and dashes do not matter when typing a code. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * Consumes a one-time code and creates the terminal with a fresh device credential, atomically:
 * the conditional UPDATE marks the code used only if it is unused and unexpired, so two
 * terminals racing with one code get one terminal between them.
 */
export async function enroll(db: Db, request: EnrollRequest): Promise<EnrollResponse> {
  return db.transaction().execute(async (trx) => {
    const terminalId = newId();
    const used = await trx.updateTable('enrollment_codes')
      .set({ used_at: sql`now()`, used_by: terminalId })
      .where('code_hash', '=', sha256(normaliseCode(request.code)))
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('store_id')
      .executeTakeFirst();
    if (!used) throw new ApiError('UNAUTHENTICATED', 'enrollment code unknown, expired or already used; ask the central office for a new one');
    const code = await nextTerminalCode(trx, used.store_id);
    const credential = newSecret();
    await trx.insertInto('terminals').values({
      id: terminalId,
      store_id: used.store_id,
      name: request.terminalName,
      code,
      credential_hash: sha256(credential),
      install_epoch: 1,
      app_version: request.appVersion,
    }).execute();
    await trx.insertInto('terminal_epochs').values({ terminal_id: terminalId, install_epoch: 1, last_seq: 0 }).execute();
    await appendChanges(trx, 'store', used.store_id, [{ entity: 'terminal', id: terminalId, op: 'upsert', data: { id: terminalId, code, name: request.terminalName } }]);
    return { terminalId, storeId: used.store_id, terminalCode: code, installEpoch: 1, credential };
  });
}

/** `T01`, `T02` … per store; the store row lock serialises concurrent enrollments of one store. */
async function nextTerminalCode(trx: Trx, storeId: string): Promise<string> {
  await trx.selectFrom('stores').select('id').where('id', '=', storeId).forUpdate().executeTakeFirstOrThrow();
  const { count } = await trx.selectFrom('terminals').select((eb) => eb.fn.countAll<string>().as('count'))
    .where('store_id', '=', storeId).executeTakeFirstOrThrow();
  return `T${String(Number(count) + 1).padStart(2, '0')}`;
}
