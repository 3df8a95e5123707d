export { InputError, formatInputError, type InputLocation } from './input-error.js';
export { Rng } from './rng.js';
export { message as coreMessage } from './messages.js';
export { streamCsv, parseCsv, type CsvStreamOptions, type CsvStreamResult } from './csv.js';
export { streamCsvRecords, parseCsvRecords, type CsvRecord, type CsvRecordStreamOptions } from './csv.js';
export { readTable, type ReadTableOptions } from './read-table.js';
export { ColumnTable, type Table } from './table.js';
export { RowLines, rowLocation } from './row-lines.js';
export { writeFileAtomic, AtomicFileWriter, resolveWriteTarget, type WriteTarget } from './atomic-write.js';
