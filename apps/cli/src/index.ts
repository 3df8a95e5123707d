export { ExitCode, action, printJson, numberOption } from './kit.js';
