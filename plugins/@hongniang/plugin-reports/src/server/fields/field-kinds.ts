// The field builders of plugin-core (`fieldKinds`), titled from this plugin's locale files, and the figure kinds it lacks.
import { fieldKinds } from '@hongniang/plugin-core';
import { label } from '../language/vocabulary';

export const { integer, decimal, line, member, moment, readOnly, select, staff, text, createdAt, updatedAt, user } =
  fieldKinds(label);

/** A count the server computes: a whole number, read-only in forms, 0 by default. */
export const count = (name: string, title: string) => readOnly(integer(name, title, 0));

/** A computed figure with decimals (a rate, an average): read-only, empty when there is nothing to compute it from. */
export const figure = (name: string, title: string, precision = 2) => readOnly(decimal(name, title, precision));
