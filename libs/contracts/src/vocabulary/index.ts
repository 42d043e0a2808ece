export * from './countries';
export * from './languages';
export * from './sectors';
export * from './settlement-types';
export * from './match-factors';
export * from './aid-categories';
export * from './unit-codes';
export * from './currencies';
