import path from 'path';
import { readBlueprints } from '@hongniang/plugin-core';
import { CALENDAR_PAGE } from '../roles';

/**
 * Gives a blueprint that shows dates (牵线看板's card lists its introduction's dates) the grouping of a date's fields that
 * 约会日历 declares (`defaults.collections.dates`), so both pages generate the same date forms and flowSurfaces accepts
 * them (a collection with more than ten fields needs its fieldGroups). Throws when the calendar blueprint has none.
 */
export function withDateDefaults(document: any) {
  const calendar = readBlueprints(path.resolve(__dirname, '../../blueprints')).find(
    (blueprint) => blueprint.name === CALENDAR_PAGE,
  );
  const dates = calendar?.document?.defaults?.collections?.dates;
  if (!dates) throw new Error(`the 约会日历 blueprint (${CALENDAR_PAGE}) has no defaults for dates`);
  document.defaults = {
    ...document.defaults,
    collections: { ...document.defaults?.collections, dates },
  };
}
