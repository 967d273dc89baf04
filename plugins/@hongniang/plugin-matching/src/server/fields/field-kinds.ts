// The kinds of field matching's collections are made of, so each collection file lists its fields and nothing else.
import { fieldKinds } from '@hongniang/plugin-core';
import { Labelled, label } from '../language/vocabulary';

const core = fieldKinds(label);

/** A score the engine computed (0–1, two decimals): read-only in forms. */
export const score = (name: string, title: string) => core.readOnly(core.decimal(name, title));

/** A member (belongsTo members, removed with her), shown by name. */
export const member = (name: string, title: string) => ({
  name,
  type: 'belongsTo',
  interface: 'm2o',
  target: 'members',
  foreignKey: `${name}Id`,
  onDelete: 'CASCADE',
  index: true,
  uiSchema: {
    title: label(title),
    'x-component': 'AssociationField',
    'x-component-props': { fieldNames: { label: 'name', value: 'id' } },
  },
});

/** A staff account (belongsTo users), shown by nickname. */
export const staff = (name: string, title: string) => ({
  name,
  type: 'belongsTo',
  interface: 'm2o',
  target: 'users',
  foreignKey: `${name}Id`,
  onDelete: 'SET NULL',
  uiSchema: {
    title: label(title),
    'x-component': 'AssociationField',
    'x-component-props': { fieldNames: { label: 'nickname', value: 'id' } },
    'x-read-pretty': true,
  },
});

/** One of `options` (stored value, zh-CN label shown; en-US from the locale files). */
export const select = (name: string, title: string, options: Labelled[], defaultValue?: string) => ({
  name,
  type: 'string',
  interface: 'select',
  ...(defaultValue === undefined ? {} : { defaultValue }),
  uiSchema: {
    type: 'string',
    title: label(title),
    'x-component': 'Select',
    enum: options.map((option) => ({ value: option.value, label: option.zh })),
  },
});

/** A whole number, read-only in forms when `readOnly`. */
export const integer = (name: string, title: string, readOnly = false) => ({
  name,
  type: 'integer',
  interface: 'integer',
  uiSchema: {
    type: 'number',
    title: label(title),
    'x-component': 'InputNumber',
    'x-component-props': { step: '1' },
    ...(readOnly ? { 'x-read-pretty': true } : {}),
  },
});

/** Free text (a long one: a text area). */
export const text = (name: string, title: string, readOnly = false) => ({
  name,
  type: 'text',
  interface: 'textarea',
  uiSchema: {
    type: 'string',
    title: label(title),
    'x-component': 'Input.TextArea',
    ...(readOnly ? { 'x-read-pretty': true } : {}),
  },
});

/** A point in time, with its time shown, read-only. */
export const moment = (name: string, title: string) => ({
  name,
  type: 'date',
  interface: 'datetime',
  uiSchema: {
    type: 'string',
    title: label(title),
    'x-component': 'DatePicker',
    'x-component-props': { showTime: true },
    'x-read-pretty': true,
  },
});

/** Structured data the server writes (shown read-only as JSON). */
export const json = (name: string, title: string) => ({
  name,
  type: 'json',
  interface: 'json',
  defaultValue: [],
  uiSchema: { type: 'object', title: label(title), 'x-component': 'Input.JSON', 'x-read-pretty': true },
});
