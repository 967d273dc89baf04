// Builders for the field definitions of our collections: one place decides which NocoBase interface a kind of field uses.
import { fieldKinds, labelsOf } from '@hongniang/plugin-core';
import { ChoiceList, vocabulary } from './vocabulary';

export const NAMESPACE = '@hongniang/plugin-members';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

const ui = (title: string, component: string, extra: Record<string, any> = {}) => ({
  title: label(title),
  'x-component': component,
  ...extra,
});
/** The options of a choice list: the label people see (zh-CN), and the English one the server uses in English answers. */
const enumOf = (list: ChoiceList) =>
  vocabulary[list].map((choice) => ({ value: choice.value, label: choice.zh, labelEn: choice.en }));

export const text = (name: string, title: string) => ({
  name,
  type: 'string',
  interface: 'input',
  uiSchema: ui(title, 'Input', { type: 'string' }),
});

export const longText = (name: string, title: string) => ({
  name,
  type: 'text',
  interface: 'textarea',
  uiSchema: ui(title, 'Input.TextArea', { type: 'string' }),
});

export const phone = (name: string, title: string) => ({
  name,
  type: 'string',
  interface: 'phone',
  uiSchema: ui(title, 'Input', { type: 'string', 'x-component-props': { type: 'tel' } }),
});

export const email = (name: string, title: string) => ({
  name,
  type: 'string',
  interface: 'email',
  uiSchema: ui(title, 'Input', { type: 'string', 'x-validator': 'email' }),
});

/** A whole number. Its bounds live in ../validation/ranges.ts, checked by the server: a min/max here would let the browser clamp silently. */
export const integer = (name: string, title: string) => ({
  name,
  type: 'integer',
  interface: 'integer',
  uiSchema: ui(title, 'InputNumber', { type: 'number', 'x-validator': 'integer', 'x-component-props': { step: '1' } }),
});

/** A value the server derives; shown read-only. */
export const derivedInteger = (name: string, title: string) => ({
  name,
  type: 'integer',
  interface: 'integer',
  uiSchema: ui(title, 'InputNumber', { type: 'number', 'x-read-pretty': true, 'x-disabled': true }),
});

/** A moment the server records (date and time), read-only in forms: plugin-core's builder, titled from our locale. */
export const { moment } = fieldKinds(label);

export const date = (name: string, title: string) => ({
  name,
  type: 'dateOnly',
  interface: 'date',
  uiSchema: ui(title, 'DatePicker', { type: 'string', 'x-component-props': { dateOnly: true } }),
});

export const checkbox = (name: string, title: string, defaultValue = false) => ({
  name,
  type: 'boolean',
  interface: 'checkbox',
  defaultValue,
  uiSchema: ui(title, 'Checkbox', { type: 'boolean' }),
});

/** A tick box a request sets to confirm something; never stored. */
export const confirmation = (name: string, title: string) => ({
  name,
  type: 'virtual',
  interface: 'checkbox',
  uiSchema: ui(title, 'Checkbox', { type: 'boolean' }),
});

export const choice = (name: string, title: string, list: ChoiceList, extra: Record<string, any> = {}) => ({
  name,
  type: 'string',
  interface: 'select',
  ...extra,
  uiSchema: ui(title, 'Select', { type: 'string', enum: enumOf(list), ...(extra.uiSchema || {}) }),
});

export const derivedChoice = (name: string, title: string, list: ChoiceList) =>
  choice(name, title, list, { uiSchema: { 'x-read-pretty': true, 'x-disabled': true } });

export const choices = (name: string, title: string, list: ChoiceList) => ({
  name,
  type: 'array',
  interface: 'multipleSelect',
  defaultValue: [],
  uiSchema: ui(title, 'Select', { type: 'array', enum: enumOf(list), 'x-component-props': { mode: 'multiple' } }),
});

/** Province / city / district from NocoBase's China-region table; each field keeps its own link table. */
export const region = (name: string, title: string, through: string, maxLevel = 2) => ({
  name,
  type: 'belongsToMany',
  interface: 'chinaRegion',
  target: 'chinaRegions',
  targetKey: 'code',
  sortBy: 'level',
  through,
  foreignKey: 'memberId',
  otherKey: 'regionCode',
  uiSchema: ui(title, 'Cascader', {
    type: 'array',
    'x-component-props': {
      useDataSource: '{{ useChinaRegionDataSource }}',
      useLoadData: '{{ useChinaRegionLoadData }}',
      changeOnSelect: true,
      maxLevel,
    },
    'x-validator': 'chinaRegion',
  }),
});

/** An uploaded image kept by NocoBase's file manager (default storage); each field keeps its own link table. */
export const photo = (name: string, title: string, through: string) => ({
  name,
  type: 'belongsToMany',
  interface: 'attachment',
  target: 'attachments',
  through,
  foreignKey: 'memberId',
  otherKey: 'attachmentId',
  uiSchema: ui(title, 'Upload.Attachment', {
    type: 'array',
    'x-use-component-props': 'useAttachmentFieldProps',
    'x-component-props': { accept: 'image/*', multiple: false },
  }),
});
