export { installBi, biSchemaOf, BI_ROLE, type BiInstall } from './schema.ts';
export { BI_VIEWS } from './views.ts';
export {
  DATASETS,
  EXPORTS,
  readIncrement,
  type Column,
  type ColumnType,
  type Dataset,
  type ExportName,
  type Increment,
  type IncrementQuery,
  type Row,
} from './datasets.ts';
export { csvField, toCsv, rowsToCsv, rowsToParquet } from './formats.ts';
export {
  OPEN_DATASETS,
  SUPPRESS_BELOW,
  openDataRows,
  openDataDictionary,
  publishable,
  type OpenColumn,
  type OpenDataset,
} from './opendata.ts';
