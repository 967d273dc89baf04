// The field builders of plugin-core (`fieldKinds`), titled from this plugin's locale files.
import { fieldKinds } from '@hongniang/plugin-core';
import { label } from '../language/vocabulary';

export const {
  belongsTo,
  member,
  user,
  staff,
  derivedMember,
  select,
  multipleSelect,
  integer,
  line,
  dateTime,
  readOnly,
  moment,
  enteredMoment,
  hasMany,
  text,
  createdAt,
  updatedAt,
} = fieldKinds(label);
