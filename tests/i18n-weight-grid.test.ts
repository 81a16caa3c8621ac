/**
 * The weight grid's typed and pasted numbers in a language that writes a decimal comma: there a
 * comma is part of a number, so columns split on tabs, semicolons and spaces only. English keeps
 * splitting on commas too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../src/i18n/i18n.ts';
import { columnSeparator, readBlock, readCell } from '../src/inspector/weightGrid.ts';

afterEach(() => setLanguage('en'));

describe('weight grid paste and typing by language', () => {
  it('reads "0,5<tab>-1,25" pasted in Spanish as 0.5 and -1.25', () => {
    setLanguage('es');
    expect(readBlock('0,5\t-1,25')).toEqual({ rows: [[0.5, -1.25]] });
    expect(readBlock('0,15; 0,2\n0,25 0,3\r\n')).toEqual({
      rows: [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
    });
    expect(readCell('-0,25')).toEqual({ value: -0.25 });
    expect('0,5'.split(columnSeparator())).toEqual(['0,5']);
  });

  it('says what is wrong in Spanish', () => {
    setLanguage('es');
    expect(readBlock('1 2\n3 x')).toEqual({ problem: 'Fila 2 del bloque pegado: «x» no es un número decimal simple (p. ej., -0,25 o 1e-3).' });
    expect(readBlock('  \n')).toEqual({ problem: 'El texto pegado no contiene números.' });
  });

  it('still splits on commas in English, where "0,5" is two numbers', () => {
    expect(readBlock('0,5\t-1.25')).toEqual({ rows: [[0, 5, -1.25]] });
    expect(readBlock('1;2')).toEqual({ rows: [[1, 2]] });
    expect('0,5'.split(columnSeparator())).toEqual(['0', '5']);
  });
});
