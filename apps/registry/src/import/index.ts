export * from './csv-row.reader';
export * from './hromada-csv.parser';
export * from './hromada-strategies.loader';
export * from './import-paths.constants';
export * from './lau-csv.parser';
export * from './municipality-import.types';
export * from './parsed-rows.collect';
export * from './strategy-sector-keywords.table';
