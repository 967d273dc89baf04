// Field definitions every plugin's collections share (members, staff accounts, options, moments, numbers, notes), built
// with the plugin's own `label` so titles are translated from its locale files.
import { Labelled } from '../refusals/labels';

/**
 * The field builders of one plugin: `fieldKinds(labelsOf(NAMESPACE))`. Each returns a NocoBase field definition
 * (`{ name, type, interface, uiSchema, … }`) for a collection's `fields`.
 */
export function fieldKinds(label: (english: string) => string) {
  const belongsTo = (name: string, title: string, target: string, labelField: string, onDelete = 'CASCADE') => ({
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

  const member = (name: string, title: string) => belongsTo(name, title, 'members', 'name');

  /** A staff account (a user), kept when the account is deleted (the link is emptied). */
  const user = (name: string, title: string) => belongsTo(name, title, 'users', 'nickname', 'SET NULL');

  /** A staff account the server fills in (who started, recorded, changed): read-only in forms. */
  const staff = (name: string, title: string) => readOnly(user(name, title));

  /** A member the server fills in from another record (a date's sides, from its introduction): read-only in forms. */
  const derivedMember = (name: string, title: string) => readOnly(member(name, title));

  const optionsOf = (options: (Labelled & { color?: string })[]) =>
    options.map((option) => ({
      value: option.value,
      label: option.zh,
      // The English label, for what the server says in English (a chart's axis: plugin-reports' chart-labels.ts).
      labelEn: option.en,
      ...(option.color ? { color: option.color } : {}),
    }));

  /** One of `options` (a colour per option, when given, is what a calendar or a tag shows). */
  const select = (name: string, title: string, options: (Labelled & { color?: string })[], defaultValue?: string) => ({
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
  const multipleSelect = (name: string, title: string, options: Labelled[]) => ({
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
  const integer = (name: string, title: string, defaultValue?: number) => ({
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

  /** A number with decimals (a score, a rate, an average), shown to `precision` places. */
  const decimal = (name: string, title: string, precision = 2) => ({
    name,
    type: 'double',
    interface: 'number',
    uiSchema: {
      type: 'number',
      title: label(title),
      'x-component': 'InputNumber',
      'x-component-props': { precision },
    },
  });

  /** A one-line text. */
  const line = (name: string, title: string) => ({
    name,
    type: 'string',
    interface: 'input',
    uiSchema: { type: 'string', title: label(title), 'x-component': 'Input' },
  });

  /** A moment people enter (a date's start): date and time. */
  const dateTime = (name: string, title: string) => ({
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
  const readOnly = <T extends { uiSchema: Record<string, unknown> }>(field: T): T => ({
    ...field,
    uiSchema: { ...field.uiSchema, 'x-read-pretty': true },
  });

  /** A moment the server records: read-only in forms. */
  const moment = (name: string, title: string) => readOnly(dateTime(name, title));

  /** A moment staff enter (e.g. when a side was asked): editable in forms, unlike `moment`. */
  const enteredMoment = (name: string, title: string) => dateTime(name, title);

  /** An introduction's rows in another collection (its consents, its history), for sub-tables on its page. */
  const hasMany = (name: string, title: string, target: string, foreignKey: string) => ({
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

  const text = (name: string, title: string) => ({
    name,
    type: 'text',
    interface: 'textarea',
    uiSchema: { type: 'string', title: label(title), 'x-component': 'Input.TextArea' },
  });

  const createdAt = (title: string) => ({
    ...moment('createdAt', title),
    interface: 'createdAt',
    field: 'createdAt',
  });
  const updatedAt = (title: string) => ({
    ...moment('updatedAt', title),
    interface: 'updatedAt',
    field: 'updatedAt',
  });

  /** A calendar day without a time (a birthday, a next follow-up date): NocoBase's `dateOnly`, stored as YYYY-MM-DD. */
  const day = (name: string, title: string) => ({
    name,
    type: 'dateOnly',
    interface: 'date',
    uiSchema: {
      type: 'string',
      title: label(title),
      'x-component': 'DatePicker',
      'x-component-props': { dateOnly: true },
    },
  });

  /** Yes or no. */
  const checkbox = (name: string, title: string, defaultValue = false) => ({
    name,
    type: 'boolean',
    interface: 'checkbox',
    defaultValue,
    uiSchema: { type: 'boolean', title: label(title), 'x-component': 'Checkbox' },
  });

  return {
    belongsTo,
    member,
    user,
    staff,
    derivedMember,
    select,
    multipleSelect,
    integer,
    decimal,
    line,
    dateTime,
    readOnly,
    moment,
    enteredMoment,
    hasMany,
    text,
    createdAt,
    updatedAt,
    day,
    checkbox,
  };
}
