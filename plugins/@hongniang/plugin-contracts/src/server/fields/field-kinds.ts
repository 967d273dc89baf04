// The field builders of plugin-core (`fieldKinds`), titled from this plugin's locale files, and the one kind it lacks.
import { fieldKinds } from '@hongniang/plugin-core';
import { label } from '../language/vocabulary';

export const {
  belongsTo,
  member,
  user,
  select,
  integer,
  line,
  dateTime,
  moment,
  readOnly,
  text,
  createdAt,
  day,
  hasMany,
} = fieldKinds(label);

/** An amount of money in yuan, two decimals (a price, a payment; a refund is negative). Its bounds are checked by hooks. */
export const money = (name: string, title: string, defaultValue?: number) => ({
  name,
  type: 'decimal',
  interface: 'number',
  precision: 12,
  scale: 2,
  ...(defaultValue != null ? { defaultValue } : {}),
  uiSchema: {
    type: 'number',
    title: label(title),
    'x-component': 'InputNumber',
    'x-component-props': { step: '1', stringMode: true, precision: 2 },
  },
});
