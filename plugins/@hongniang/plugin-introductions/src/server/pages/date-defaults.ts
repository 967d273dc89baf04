import path from 'path';
import { readBlueprints } from '@hongniang/plugin-core';
import { BOARD_BLUEPRINT, CALENDAR_PAGE } from '../roles';

/**
 * The `defaults.collections` entries (field groups) that one of this plugin's blueprints declares for `collections`.
 * Throws naming the blueprint and the collection when one is missing.
 */
function declaredDefaults(blueprint: string, collections: string[]) {
  const found = readBlueprints(path.resolve(__dirname, '../../blueprints')).find((item) => item.name === blueprint);
  const declared = found?.document?.defaults?.collections ?? {};
  for (const collection of collections)
    if (!declared[collection]) throw new Error(`the blueprint ${blueprint} has no defaults for ${collection}`);
  return Object.fromEntries(collections.map((collection) => [collection, declared[collection]]));
}

/** Adds `collections`' defaults to a blueprint document, keeping what it declares itself. */
function addDefaults(document: any, collections: Record<string, unknown>) {
  document.defaults = {
    ...document.defaults,
    collections: { ...collections, ...document.defaults?.collections },
  };
}

/**
 * Gives a blueprint that shows dates (牵线看板's card lists its introduction's dates; 我的今日's dates of today and
 * tomorrow) the grouping of a date's fields that 约会日历 declares (`defaults.collections.dates`), so every page
 * generates the same date forms and flowSurfaces accepts them (a collection with more than ten fields needs its
 * fieldGroups). Throws when the calendar blueprint has none.
 */
export function withDateDefaults(document: any) {
  addDefaults(document, declaredDefaults(CALENDAR_PAGE, ['dates']));
}

/**
 * Gives a blueprint that shows introductions outside the board (我的今日's open introductions) the field groups 牵线看板
 * declares for introductions, their consents and their history. Throws when the board blueprint lacks one.
 */
export function withIntroductionDefaults(document: any) {
  addDefaults(
    document,
    declaredDefaults(BOARD_BLUEPRINT, ['introductions', 'introductionConsents', 'introductionStageChanges']),
  );
}
