// Field definitions the collections share: members, staff accounts, options, moments, numbers, notes.
import { Labelled, label } from '../language/vocabulary';

export const belongsTo = (name: string, title: string, target: string, labelField: string, onDelete = 'CASCADE') => ({
  name,
  type: 'belongsTo',
  interface: 'm2o',
  target,
  foreignKey: `${name}Id`,
  onDelete,
  index: true,
  uiSchema: {
    title: label(title),
    'x-component': 'AssociationField',
    'x-component-props': { fieldNames: { label: labelField, value: 'id' } },
  },
});

export const member = (name: string, title: string) => belongsTo(name, title, 'members', 'name');

/** A staff account (a user), kept when the account is deleted (the link is emptied). */
export const user = (name: string, title: string) => belongsTo(name, title, 'users', 'nickname', 'SET NULL');

/** A staff account the server fills in (who started, recorded, changed): read-only in forms. */
export const staff = (name: string, title: string) => readOnly(user(name, title));

/** A member the server fills in from another record (a date's sides, from its introduction): read-only in forms. */
export const derivedMember = (name: string, title: string) => readOnly(member(name, title));

const optionsOf = (options: (Labelled & { color?: string })[]) =>
  options.map((option) => ({
    value: option.value,
    label: option.zh,
    ...(option.color ? { color: option.color } : {}),
  }));

/** One of `options` (a colour per option, when given, is what a calendar or a tag shows). */
export const select = (
  name: string,
  title: string,
  options: (Labelled & { color?: string })[],
  defaultValue?: string,
) => ({
  name,
  type: 'string',
  interface: 'select',
  ...(defaultValue ? { defaultValue } : {}),
  uiSchema: {
    type: 'string',
    title: label(title),
    'x-component': 'Select',
    enum: optionsOf(options),
  },
});

/** Several of `options`, stored as a JSON array of values. */
export const multipleSelect = (name: string, title: string, options: Labelled[]) => ({
  name,
  type: 'array',
  interface: 'multipleSelect',
  defaultValue: [],
  uiSchema: {
    type: 'array',
    title: label(title),
    'x-component': 'Select',
    'x-component-props': { mode: 'multiple' },
    enum: optionsOf(options),
  },
});

/**
 * A whole number. Its bounds are checked by the server (hooks), not put here: a min/max in the form would let the browser
 * clamp silently.
 */
export const integer = (name: string, title: string, defaultValue?: number) => ({
  name,
  type: 'integer',
  interface: 'integer',
  ...(defaultValue != null ? { defaultValue } : {}),
  uiSchema: {
    type: 'number',
    title: label(title),
    'x-component': 'InputNumber',
    'x-validator': 'integer',
    'x-component-props': { step: '1' },
  },
});

/** A one-line text. */
export const line = (name: string, title: string) => ({
  name,
  type: 'string',
  interface: 'input',
  uiSchema: { type: 'string', title: label(title), 'x-component': 'Input' },
});

/** A moment people enter (a date's start): date and time. */
export const dateTime = (name: string, title: string) => ({
  name,
  type: 'date',
  interface: 'datetime',
  uiSchema: {
    type: 'datetime',
    title: label(title),
    'x-component': 'DatePicker',
    'x-component-props': { showTime: true },
  },
});

/** The same field, filled in by the server: read-only in forms. */
export const readOnly = <T extends { uiSchema: Record<string, unknown> }>(field: T): T => ({
  ...field,
  uiSchema: { ...field.uiSchema, 'x-read-pretty': true },
});

/** A moment the server records: read-only in forms. */
export const moment = (name: string, title: string) => ({
  name,
  type: 'date',
  interface: 'datetime',
  uiSchema: {
    type: 'datetime',
    title: label(title),
    'x-component': 'DatePicker',
    'x-component-props': { showTime: true },
    'x-read-pretty': true,
  },
});

/** A moment staff enter (e.g. when a side was asked): editable in forms, unlike `moment`. */
export const enteredMoment = (name: string, title: string) => {
  const field = moment(name, title);
  const { 'x-read-pretty': _readPretty, ...uiSchema } = field.uiSchema;
  return { ...field, uiSchema };
};

/** An introduction's rows in another collection (its consents, its history), for sub-tables on its page. */
export const hasMany = (name: string, title: string, target: string, foreignKey: string) => ({
  name,
  type: 'hasMany',
  interface: 'o2m',
  target,
  foreignKey,
  // As the rows' own belongsTo says: they go with the introduction.
  onDelete: 'CASCADE',
  uiSchema: {
    title: label(title),
    'x-component': 'AssociationField',
    'x-component-props': { multiple: true, fieldNames: { label: 'id', value: 'id' } },
  },
});

export const text = (name: string, title: string) => ({
  name,
  type: 'text',
  interface: 'textarea',
  uiSchema: { type: 'string', title: label(title), 'x-component': 'Input.TextArea' },
});

export const createdAt = (title: string) => ({
  ...moment('createdAt', title),
  interface: 'createdAt',
  field: 'createdAt',
});
export const updatedAt = (title: string) => ({
  ...moment('updatedAt', title),
  interface: 'updatedAt',
  field: 'updatedAt',
});
