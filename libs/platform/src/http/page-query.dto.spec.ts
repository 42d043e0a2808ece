import { BadRequestException } from '@nestjs/common';
import { MAX_PAGE_OFFSET, PageQueryDto } from './page-query.dto';
import { createValidationPipe } from './validation.pipe';

const parse = (query: Record<string, string>): Promise<unknown> =>
  createValidationPipe().transform(query, { type: 'query', metatype: PageQueryDto });

async function fieldsRejected(query: Record<string, string>): Promise<string> {
  try {
    await parse(query);
  } catch (error) {
    if (error instanceof BadRequestException) return JSON.stringify(error.getResponse());
    throw error;
  }
  throw new Error('expected a BadRequestException');
}

describe(PageQueryDto.name, () => {
  it('should default to the first 50 when nothing is asked', async () => {
    expect(await parse({})).toMatchObject({ limit: 50, offset: 0 });
  });

  it('should accept the largest offset when it is asked for', async () => {
    expect(await parse({ offset: String(MAX_PAGE_OFFSET) })).toMatchObject({ offset: MAX_PAGE_OFFSET });
  });

  it.each(['99999999999999999999', '1e300', String(MAX_PAGE_OFFSET + 1), '-1', '1.5', 'abc'])(
    'should refuse offset=%s with a 400 naming the field',
    async (offset) => {
      expect(await fieldsRejected({ offset })).toContain('offset');
    },
  );
});
