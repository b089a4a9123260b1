/** Both engines' positions as commands answer them: sqlite `<20 digits>`, KurrentDB `<20>-<20>`. */
export const LOG_POSITION = /^\d{20}(-\d{20})?$/;

export const LOG_POSITION_MESSAGE =
  'minPosition must be a position a command answered, as given (20 digits, or 20-20 digits)';
