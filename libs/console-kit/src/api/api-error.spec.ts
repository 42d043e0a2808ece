import { ApiError, messagesFor, toApiError } from './api-error';

describe(toApiError.name, () => {
  it('should collect field messages when the body is a validation 400', () => {
    const error = toApiError(400, {
      statusCode: 400,
      message: 'Validation failed',
      errors: [
        { field: 'population', messages: ['population must not be less than 0'] },
        { field: 'location.lat', messages: ['lat must not be greater than 90'] },
      ],
    });
    expect(error.fieldErrors).toEqual({
      population: ['population must not be less than 0'],
      'location.lat': ['lat must not be greater than 90'],
    });
    expect(messagesFor(error, 'location')).toEqual(['lat must not be greater than 90']);
    expect(messagesFor(error, 'populationYear')).toEqual([]);
  });

  it('should keep the domain code and message when the body is a domain error', () => {
    const error = toApiError(409, {
      statusCode: 409,
      code: 'MUNICIPALITY_EXISTS',
      message: 'Already registered',
    });
    expect(error).toMatchObject({ status: 409, code: 'MUNICIPALITY_EXISTS', message: 'Already registered' });
    expect(error.conflict).toBe(true);
  });

  it('should name the status when the body is not JSON', () => {
    const error = toApiError(502, 'Bad gateway');
    expect(error.message).toBe('HTTP 502');
    expect(error.unreachable).toBe(true);
  });

  it('should treat a stale If-Match (412) as a conflict and a 403 as neither conflict nor outage', () => {
    expect(new ApiError(412, 'stale').conflict).toBe(true);
    expect(new ApiError(403, 'no').conflict).toBe(false);
    expect(new ApiError(403, 'no').unreachable).toBe(false);
  });
});
