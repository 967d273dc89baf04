// The field builders of plugin-core (`fieldKinds`), titled from this plugin's locale files.
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
  readOnly,
  moment,
  text,
  createdAt,
  day,
  checkbox,
} = fieldKinds(label);
