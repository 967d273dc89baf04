import fs from 'fs';
import { AccessRegistry } from '../agency/registry';

const GROUPS_TOKEN = /__PRIVATE_FIELD_GROUPS__/;

/**
 * The 字段隐私 page names each field with its group on its plugin's forms (基本信息, 经济状况…, as the plugins declare
 * them): its JS code files get the groups written in, and go in inline (they call no custom action, so flowSurfaces'
 * authoring check accepts them as they are). Returns the blueprint extension; it mutates the document.
 */
export function withPrivateFieldGroups(registry: AccessRegistry) {
  return (document: any) => {
    const groups = JSON.stringify(registry.fieldGroups());
    const visit = (node: any) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      const settings = node.settings;
      if (typeof settings?.codeFile === 'string' && GROUPS_TOKEN.test(fs.readFileSync(settings.codeFile, 'utf8'))) {
        settings.code = fs.readFileSync(settings.codeFile, 'utf8').replace(GROUPS_TOKEN, groups);
        delete settings.codeFile;
      }
      Object.values(node).forEach(visit);
    };
    visit(document);
  };
}
