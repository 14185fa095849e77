import { v7 } from 'uuid';

/** A UUIDv7 (RFC 9562 §5.7): time-ordered, so ids made on a terminal sort by creation. */
export const newId = (): string => v7();
