/**
 * Which modal dialogs are open, innermost last. Window-level shortcuts (checkout keys, the
 * sale-done Enter) ask `anyModalOpen()` and stand back while a dialog is up; a dialog acts on
 * Escape only while it is the innermost one, so Escape closes one layer at a time.
 */
const stack: symbol[] = [];

/** Registers a dialog as the innermost; call the returned function when it closes. */
export function pushModal(): { token: symbol; pop(): void } {
  const token = Symbol('modal');
  stack.push(token);
  return {
    token,
    pop() {
      const index = stack.lastIndexOf(token);
      if (index >= 0) stack.splice(index, 1);
    },
  };
}

export function isTopModal(token: symbol): boolean {
  return stack.at(-1) === token;
}

export function anyModalOpen(): boolean {
  return stack.length > 0;
}
