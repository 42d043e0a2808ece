// class-transformer publishes the metadata storage at this path without typings of its own.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
