/** What a keypad key does to the text it edits. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | 'decimal' | 'backspace' | 'clear';

/**
 * The text after pressing `key` (pure, so it is unit-tested without a DOM). `decimal` inserts the
 * locale's separator once; a leading separator becomes "0,"; `maxLength` bounds what a finger can
 * type (the field's own validation still decides what the text means).
 */
export function applyKeypadKey(text: string, key: KeypadKey, separator: string, maxLength = 12): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return [...text].slice(0, -1).join('');
  if (key === 'decimal') {
    if (text.includes(separator) || text.includes('.')) return text;
    return `${text === '' ? '0' : text}${separator}`.slice(0, maxLength);
  }
  return `${text}${key}`.slice(0, maxLength);
}
