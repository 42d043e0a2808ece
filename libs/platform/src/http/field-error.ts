/** One invalid input field: its path in the body (`contacts[0].email`) and what is wrong with it. */
export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/** Body of every 400 caused by input validation. */
export interface ValidationErrorBody {
  readonly statusCode: 400;
  readonly error: 'Bad Request';
  readonly message: 'Validation failed';
  readonly errors: readonly FieldError[];
}
