// Field definitions the three collections share: members, staff accounts, options, dates, notes.
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

/** A staff account the server fills in (who started, recorded, changed): read-only in forms. */
export const staff = (name: string, title: string) => {
  const field = belongsTo(name, title, 'users', 'nickname', 'SET NULL');
  return { ...field, uiSchema: { ...field.uiSchema, 'x-read-pretty': true } };
};

export const select = (name: string, title: string, options: Labelled[], defaultValue?: string) => ({
  name,
  type: 'string',
  interface: 'select',
  ...(defaultValue ? { defaultValue } : {}),
  uiSchema: {
    type: 'string',
    title: label(title),
    'x-component': 'Select',
    enum: options.map((option) => ({ value: option.value, label: option.zh })),
  },
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
