export * from './parse';
export * from './compile';
export * from './builtin';
