/** WPS's errors in the pane's words (HostError), for every call the WPS host makes. */
import { HostError } from '../host';

/**
 * What WPS raised, as the pane says it. The ET model raises COM errors as JavaScript errors whose
 * message is the program's own (Chinese or English by its language): a missing sheet or name is
 * "subscript out of range" (下标越界), a protected sheet's refusal names the protection.
 */
export function explainWps(e: unknown): unknown {
  if (e instanceof HostError) return e;
  const message = String((e as Error)?.message ?? e);
  if (/下标越界|subscript out of range|已删除|deleted/i.test(message)) return new HostError('missing', '', message, 'wps');
  if (/保护|protect/i.test(message)) return new HostError('protected', '', message, 'wps');
  return new HostError('host', '', message, 'wps');
}

export function guarded<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(explainWps(e));
  }
}
