import { describe, expect, it } from 'vitest';
import { applyKeypadKey } from './keypad-input';
import { anyModalOpen, isTopModal, pushModal } from './modal-stack';

describe('applyKeypadKey', () => {
  it('types digits, one decimal separator, backspace and clear', () => {
    let text = '';
    for (const key of ['1', '2', 'decimal', '5', 'decimal', '0'] as const) text = applyKeypadKey(text, key, ',');
    expect(text).toBe('12,50');
    expect(applyKeypadKey(text, 'backspace', ',')).toBe('12,5');
    expect(applyKeypadKey(text, 'clear', ',')).toBe('');
    expect(applyKeypadKey('', 'decimal', '.')).toBe('0.');
    expect(applyKeypadKey('3', '00', '.')).toBe('300');
  });

  it('does not add a second separator, even the "." a physical keypad typed', () => {
    expect(applyKeypadKey('1.5', 'decimal', ',')).toBe('1.5');
  });

  it('stops at maxLength', () => {
    expect(applyKeypadKey('9999', '9', '.', 4)).toBe('9999');
  });
});

describe('modal stack', () => {
  it('knows the innermost dialog and when none is open', () => {
    expect(anyModalOpen()).toBe(false);
    const outer = pushModal();
    const inner = pushModal();
    expect(isTopModal(inner.token)).toBe(true);
    expect(isTopModal(outer.token)).toBe(false);
    inner.pop();
    expect(isTopModal(outer.token)).toBe(true);
    outer.pop();
    expect(anyModalOpen()).toBe(false);
  });
});
