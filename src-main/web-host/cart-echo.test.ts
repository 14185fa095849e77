import { describe, expect, it } from 'vitest';
import { answersWithCart, createCartEcho, pageIdOf } from './cart-echo';

describe('cart echo', () => {
  it("drops only a cart that repeats the last one the page was sent, by answer or by event", () => {
    const echo = createCartEcho();
    echo.answered('page-one-1', '{"c":1}');
    expect(echo.repeats('page-one-1', '{"c":1}')).toBe(true); // the answer's own echo
    expect(echo.repeats('page-two-2', '{"c":1}')).toBe(false); // another page never got it
    expect(echo.repeats('page-one-1', '{"c":2}')).toBe(false); // changed elsewhere: sent
    expect(echo.repeats('page-one-1', '{"c":1}')).toBe(false); // and back again: sent too
    expect(echo.repeats('page-one-1', '{"c":1}')).toBe(true);
    echo.forget('page-one-1');
    expect(echo.repeats('page-one-1', '{"c":1}')).toBe(false);
  });

  it('knows which methods answer with the cart, and reads only a well-formed page id', () => {
    expect(['cart.scan', 'cart.get', 'cart.clear', 'cart.resume'].every(answersWithCart)).toBe(true);
    expect(['sale.complete', 'cart.listParked', 'catalog.search'].some(answersWithCart)).toBe(false);
    expect(pageIdOf(new URL('http://h/events?page=0193f3a2-7c1e-7d4b-9a55-2b1f6e0c9d11'))).toBe('0193f3a2-7c1e-7d4b-9a55-2b1f6e0c9d11');
    for (const bad of ['', '?page=short', '?page=a%20b%20c%20d%20e', `?page=${'x'.repeat(65)}`]) expect(pageIdOf(new URL(`http://h/events${bad}`))).toBeNull();
  });
});
