import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { accessLanguage } from '../privacy/access-refusal';
import { PRIVACY_LEVELS } from '../privacy/privacy-levels';
import { AccessRegistry } from '../agency/registry';

/** A 字段隐私 row must name a governed collection, one of its fields, and a known level (else 400, nothing saved). */
export function validateFieldPrivacy(db: any, registry: AccessRegistry) {
  return async (record: any, options: any) => {
    const governed = Object.keys(registry.privateCollections());
    const language = accessLanguage(options);
    const { t } = language;
    const collectionName = record.get('collectionName');
    const fieldName = record.get('fieldName');
    const level = record.get('level');
    if (!governed.includes(collectionName)) {
      throw new Refusal(
        t('“{{collection}}” has no field privacy; use one of: {{collections}}', {
          collection: collectionName,
          collections: language.list(governed),
        }),
        { field: 'collectionName' },
      );
    }
    const collection = db.getCollection(collectionName);
    if (!fieldName || !(collection.getField(fieldName) || collection.model.getAttributes()[fieldName])) {
      throw new Refusal(t('Members have no field “{{field}}”', { field: fieldName ?? '' }), { field: 'fieldName' });
    }
    if (!PRIVACY_LEVELS.some((known) => known.value === level)) {
      // Each level as its value, followed in Chinese by its label (介绍可见…).
      const levels = language.list(
        PRIVACY_LEVELS.map((known) => t('{{level}} ({{label}})', { level: known.value, label: known.zh })),
      );
      throw new Refusal(
        t('Privacy level “{{level}}” of “{{field}}” is not one of: {{levels}}', {
          level: level ?? '',
          field: fieldTitle(collection, fieldName, language),
          levels,
        }),
        { field: 'level' },
      );
    }
  };
}
