// The field builders of plugin-core (`fieldKinds`), titled from this plugin's locale files, and the kinds it lacks.
import { fieldKinds } from '@hongniang/plugin-core';
import { label } from '../language/vocabulary';

export const { belongsTo, staff, user, select, integer, line, day, text, createdAt, hasMany } = fieldKinds(label);

/** A telephone number (mobile or landline with area code); its form is checked by the server (hooks). */
export const phone = (name: string, title: string) => ({
  name,
  type: 'string',
  interface: 'phone',
  uiSchema: { type: 'string', title: label(title), 'x-component': 'Input', 'x-component-props': { type: 'tel' } },
});

/**
 * Province / city / district from NocoBase's China-region table, as the member archive's city (plugin-members), with
 * its own link table.
 */
export const region = (name: string, title: string, through: string, foreignKey: string) => ({
  name,
  type: 'belongsToMany',
  interface: 'chinaRegion',
  target: 'chinaRegions',
  targetKey: 'code',
  sortBy: 'level',
  through,
  foreignKey,
  otherKey: 'regionCode',
  uiSchema: {
    type: 'array',
    title: label(title),
    'x-component': 'Cascader',
    'x-component-props': {
      useDataSource: '{{ useChinaRegionDataSource }}',
      useLoadData: '{{ useChinaRegionLoadData }}',
      changeOnSelect: true,
      maxLevel: 3,
    },
    'x-validator': 'chinaRegion',
  },
});

/** Records of another collection that point here and stay when this record goes (its deletion is refused instead: hooks/). */
export const referrers = (name: string, title: string, target: string, foreignKey: string) => ({
  ...hasMany(name, title, target, foreignKey),
  onDelete: 'SET NULL',
});
