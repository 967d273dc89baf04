import { collectionTitle } from '@hongniang/plugin-core';
import { AccessRefusal } from './access-refusal';

/** A write that would touch, or leave, a record outside the caller's reach (HTTP 403), naming the kind of record. */
export function outOfScope(collection: any, locale: string) {
  return new AccessRefusal(
    collection?.name,
    {
      'zh-CN': `这条「${collectionTitle(collection, 'zh-CN')}」记录不在您负责的范围内（所属会员不是您的），请求未保存`,
      'en-US': `This ${collectionTitle(collection, 'en-US')} record is outside your reach (its member is not yours); nothing was saved`,
    },
    locale,
  );
}
