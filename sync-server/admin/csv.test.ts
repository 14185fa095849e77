import { describe, expect, it } from 'vitest';
import { validateCatalogCsv } from './catalog-import';
import { parseCsv } from './csv';

const taxes = new Set(['STD', 'RED']);
const header = 'sku,name,price_minor,tax_class,category,barcodes';

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, CRLF and multi-line fields with their starting line', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
    ]);
  });
  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(/never closed/);
  });
});

describe('validateCatalogCsv', () => {
  it('accepts good rows with barcodes separated by |', () => {
    const { rows, errors } = validateCatalogCsv(`${header}\nA1,Apple,199,STD,Fruit,4006381333931|123\nB2,"Bread, white",250,RED,,`, taxes);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, sku: 'A1', name: 'Apple', priceMinor: 199, taxClass: 'STD', category: 'Fruit', barcodes: ['4006381333931', '123'] },
      { line: 3, sku: 'B2', name: 'Bread, white', priceMinor: 250, taxClass: 'RED', category: null, barcodes: [] },
    ]);
  });
  it('reports every bad row by line number and returns no rows', () => {
    const csv = [header, 'A1,Apple,199,STD,,', 'A1,Again,1,STD,,', 'C3,Cheese,1.99,STD,,', 'D4,Dates,100,ZERO,,', 'E5,,100,STD,,', 'F6,Figs,100,STD,,12|ab-c', 'G7,Grapes,100,STD,,123|', 'H8,short'].join('\n');
    const { rows, errors } = validateCatalogCsv(csv, taxes);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(errors[0]?.message).toMatch(/repeats line 2/);
    expect(errors[1]?.message).toMatch(/price_minor/);
    expect(errors[2]?.message).toMatch(/tax_class "ZERO"/);
    expect(errors[3]?.message).toMatch(/name/);
    expect(errors[4]?.message).toMatch(/barcode "ab-c"/);
    expect(errors[6]?.message).toMatch(/expected 6 fields/);
  });
  it('refuses a wrong header', () => {
    expect(validateCatalogCsv('sku,name\nA,B', taxes).errors).toEqual([{ line: 1, message: expect.stringMatching(/header/) as string }]);
  });
});
