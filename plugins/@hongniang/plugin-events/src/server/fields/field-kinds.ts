// The field builders of plugin-core (`fieldKinds`), titled from this plugin's locale files, and the one kind it lacks.
import { fieldKinds } from '@hongniang/plugin-core';
import { label } from '../language/vocabulary';

export const {
  belongsTo,
  member,
  user,
  staff,
  select,
  multipleSelect,
  integer,
  line,
  dateTime,
  moment,
  text,
  createdAt,
  checkbox,
  hasMany,
} = fieldKinds(label);

/** An amount of money in yuan, two decimals (a fee). Its bounds are checked by the server (hooks). */
export const money = (name: string, title: string, defaultValue = 0) => ({
  name,
  type: 'decimal',
  interface: 'number',
  precision: 10,
  scale: 2,
  defaultValue,
  uiSchema: {
    type: 'number',
    title: label(title),
    'x-component': 'InputNumber',
    'x-component-props': { step: '1', stringMode: true, precision: 2 },
  },
});
