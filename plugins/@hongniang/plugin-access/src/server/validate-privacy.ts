import { fieldTitle, localeOf, MemberInputError } from '@hongniang/plugin-core';
import { PRIVACY_LEVELS } from './privacy-levels';
import { AccessRegistry } from './registry';

const say = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** A 字段隐私 row must name a governed collection, one of its fields, and a known level (else 400, nothing saved). */
export function validateFieldPrivacy(db: any, registry: AccessRegistry) {
  return async (record: any, options: any) => {
    const governed = Object.keys(registry.privateCollections());
    const locale = localeOf(options);
    const collectionName = record.get('collectionName');
    const fieldName = record.get('fieldName');
    const level = record.get('level');
    if (!governed.includes(collectionName)) {
      throw new MemberInputError('collectionName', say(`「${collectionName}」不受字段隐私管理，可填：${governed.join('、')}`, `“${collectionName}” has no field privacy; use one of: ${governed.join(', ')}`), locale);
    }
    const collection = db.getCollection(collectionName);
    if (!fieldName || !(collection.getField(fieldName) || collection.model.getAttributes()[fieldName])) {
      throw new MemberInputError('fieldName', say(`会员没有字段「${fieldName ?? ''}」`, `Members have no field “${fieldName ?? ''}”`), locale);
    }
    if (!PRIVACY_LEVELS.some((known) => known.value === level)) {
      const names = PRIVACY_LEVELS.map((known) => `${known.value}（${known.zh}）`).join('、');
      throw new MemberInputError('level', say(`「${fieldTitle(collection, fieldName, 'zh-CN')}」的隐私级别「${level ?? ''}」无效，可选：${names}`, `Privacy level “${level ?? ''}” of “${fieldTitle(collection, fieldName, 'en-US')}” is not one of: ${PRIVACY_LEVELS.map((known) => known.value).join(', ')}`), locale);
    }
  };
}
