import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PlainText, plainTextProblem } from './plain-text.decorator';

class Sample {
  @PlainText(1, 20)
  name: string;

  @PlainText(1, 200, { multiline: true })
  note: string;

  @PlainText(1, 20, { each: true })
  names: string[];
}

const check = (body: Partial<Sample>) => {
  const dto = plainToInstance(Sample, { name: '张三', note: '一\n二', names: ['李四'], ...body });
  return { dto, fields: validateSync(dto).map((e) => e.property) };
};

describe('PlainText', () => {
  it('normalises to NFC before checking the length', () => {
    const decomposed = 'e\u0301'.repeat(20); // 40 code units, 20 characters once composed
    const { dto, fields } = check({ name: decomposed, names: ['Cafe\u0301'] });
    expect(fields).toEqual([]);
    expect(dto.name).toBe('\u00e9'.repeat(20));
    expect(dto.names).toEqual(['Caf\u00e9']);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', 'a\u001b[31m'],
    ['CR/LF', 'line\r\nbreak'],
    ['DEL', 'a\u007f'],
    ['U+202E', 'abc\u202Edcba'],
    ['U+2066', '\u2066x\u2069'],
    ['U+200E', 'x\u200e'],
    ['U+200F', 'x\u200f'],
    ['zero-width space', '张\u200b三'],
    ['zero-width joiner', '张\u200d三'],
    ['BOM', '\ufeff张三'],
    ['lone high surrogate', 'a\ud800b'],
    ['lone low surrogate', 'a\udc00b'],
    ['line separator', 'a\u2028b'],
  ])('refuses %s in a single-line field, naming the field', (_, text) => {
    expect(check({ name: text }).fields).toEqual(['name']);
    expect(check({ names: ['ok', text] }).fields).toEqual(['names']);
  });

  it('allows line breaks and tabs, but not other controls, in a multi-line field', () => {
    expect(check({ note: '第一行\r\n第二行\t完' }).fields).toEqual([]);
    expect(check({ note: 'a\u0000' }).fields).toEqual(['note']);
    expect(check({ note: 'a\u202e' }).fields).toEqual(['note']);
  });

  it('keeps paired surrogates (emoji, rare CJK ideographs)', () => {
    expect(check({ name: '𠀋村😀' }).fields).toEqual([]);
  });

  it('says which kind of character was refused', () => {
    expect(plainTextProblem('a\u202e')).toBe('bidirectional control characters');
    expect(plainTextProblem('a\u200b')).toBe('zero-width characters');
    expect(plainTextProblem('a\ud800')).toBe('unpaired surrogates');
    expect(plainTextProblem('a\n')).toBe('control characters or line breaks');
    expect(plainTextProblem('普通文字')).toBeUndefined();
  });
});
