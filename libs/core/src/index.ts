export { InputError, formatInputError, type InputLocation } from './input-error.js';
export { Rng } from './rng.js';
export { message as coreMessage } from './messages.js';
