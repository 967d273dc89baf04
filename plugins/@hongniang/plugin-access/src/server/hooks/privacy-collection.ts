import { AccessRegistry } from '../agency/registry';

/**
 * A 字段隐私 row saved without its collection (the page's form chooses a field only) is about the one private
 * collection the plugins declare; with several, it stays empty and validate-privacy.ts names the choices.
 */
export function fillPrivacyCollection(registry: AccessRegistry) {
  return (record: any) => {
    if (record.get('collectionName')) return;
    const governed = Object.keys(registry.privateCollections());
    if (governed.length === 1) record.set('collectionName', governed[0]);
  };
}
