/** Half of a UTF-16 pair on its own: JavaScript strings may hold one, but no text file or index can. */
export const LONE_SURROGATE = /\p{Cs}/u;
export const LONE_SURROGATE_MESSAGE = 'The text contains an invalid character (half of a character pair); nothing was saved.';
