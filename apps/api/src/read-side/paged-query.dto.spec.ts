import { strictValidationPipe } from '../http/validation/strict-validation.pipe';
import { InvalidInputError } from '../http/validation/invalid-input.error';
import { ListOrganizationsQueryDto } from '../modules/organizations/queries/list-organizations.query.dto';
import { FundsSummaryQueryDto } from '../modules/funds/queries/funds-summary.query.dto';

const pipe = strictValidationPipe();
const validate = (metatype: new () => object, value: Record<string, string>) =>
  pipe.transform(value, { type: 'query', metatype });

async function invalidFields(metatype: new () => object, value: Record<string, string>) {
  try {
    await validate(metatype, value);
  } catch (error) {
    if (error instanceof InvalidInputError)
      return [...new Set(error.errors.map((e) => e.field))].sort();
    throw error;
  }
  return [];
}

describe('query strings', () => {
  it('take limit 1 to 500 as a number, a cursor and minPosition', async () => {
    await expect(
      validate(ListOrganizationsQueryDto, {
        limit: '500',
        cursor: 'abc',
        minPosition: '00000000000000000042',
      }),
    ).resolves.toMatchObject({ limit: 500, cursor: 'abc', minPosition: '00000000000000000042' });
  });

  it('refuse a limit above 500 or below 1, unknown fields and values outside the vocabulary', async () => {
    expect(await invalidFields(ListOrganizationsQueryDto, { limit: '501' })).toEqual(['limit']);
    expect(await invalidFields(ListOrganizationsQueryDto, { limit: '0' })).toEqual(['limit']);
    expect(await invalidFields(ListOrganizationsQueryDto, { limit: 'ten' })).toEqual(['limit']);
    expect(
      await invalidFields(ListOrganizationsQueryDto, {
        sector: 'castle',
        category: 'x',
        colour: 'red',
      }),
    ).toEqual(['category', 'colour', 'sector']);
    // Not a position any command answered: 400 at once, rather than a wait ending in 504.
    for (const minPosition of ["1' OR 1=1", 'abc', '13', '00000000000000000013-1']) {
      expect(await invalidFields(ListOrganizationsQueryDto, { minPosition })).toEqual([
        'minPosition',
      ]);
    }
    await expect(
      validate(ListOrganizationsQueryDto, {
        minPosition: '00000000000000000013-00000000000000000012',
      }),
    ).resolves.toMatchObject({ minPosition: '00000000000000000013-00000000000000000012' });
  });

  it('the funds summary needs a year and a known grouping', async () => {
    expect(await invalidFields(FundsSummaryQueryDto, {})).toEqual(['groupBy', 'year']);
    expect(await invalidFields(FundsSummaryQueryDto, { year: '2026', groupBy: 'village' })).toEqual(
      ['groupBy'],
    );
    await expect(
      validate(FundsSummaryQueryDto, { year: '2026', groupBy: 'township' }),
    ).resolves.toMatchObject({
      year: 2026,
      groupBy: 'township',
    });
  });
});
