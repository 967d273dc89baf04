import { collectionTitle, Language } from '@hongniang/plugin-core';
import { forbidden } from './access-refusal';

/** A write that would touch, or leave, a record outside the caller's reach (HTTP 403), naming the kind of record. */
export function outOfScope(collection: any, language: Language) {
  return forbidden(
    collection?.name,
    language.t('This {{collection}} record is outside your reach (its member is not yours); nothing was saved', {
      collection: collectionTitle(collection, language),
    }),
  );
}
