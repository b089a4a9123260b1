import { assertFiniteNumbers, assertJsonShape } from './json-shape';

const limits = { maxDepth: 3, maxKeys: 4, maxArrayItems: 5, maxListedErrors: 50 } as const;
const codeOf = (run: () => void) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('JSON shape bounds', () => {
  it('counts depth, keys and array items outside strings only', () => {
    expect(codeOf(() => assertJsonShape('{"a":{"b":[1,2,3]}}', limits))).toBeUndefined();
    expect(
      codeOf(() => assertJsonShape('{"a":"[[[[[[:::::,,,,,,\\"{{{{"}', limits)),
    ).toBeUndefined();
  });

  it('refuses each bound as soon as it is passed', () => {
    expect(codeOf(() => assertJsonShape('[[[[]]]]', limits))).toBe('BODY_TOO_DEEP');
    expect(codeOf(() => assertJsonShape('{"a":1,"b":2,"c":3,"d":4,"e":5}', limits))).toBe(
      'TOO_MANY_FIELDS',
    );
    expect(codeOf(() => assertJsonShape('[1,2,3,4,5,6,7]', limits))).toBe('TOO_MANY_ITEMS');
    // Commas between an object's fields are not array items.
    expect(codeOf(() => assertJsonShape('{"a":1,"b":2,"c":3,"d":4}', limits))).toBeUndefined();
  });

  it('refuses non-finite numbers wherever they are', () => {
    expect(codeOf(() => assertFiniteNumbers({ a: [1, { b: Infinity }] }))).toBe('MALFORMED_JSON');
    expect(codeOf(() => assertFiniteNumbers(-Infinity))).toBe('MALFORMED_JSON');
    expect(codeOf(() => assertFiniteNumbers({ a: [1, 'Infinity', null] }))).toBeUndefined();
  });
});
