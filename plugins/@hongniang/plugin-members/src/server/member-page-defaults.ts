// The member page's blueprint defaults (the field groups of a generated member popup), for other plugins' pages whose
// member fields open such a popup: flowSurfaces refuses to generate one for a collection this large without them.
import path from 'path';
import { readBlueprints } from './seed-pages';

export function memberPageDefaults() {
  const memberList = readBlueprints(path.resolve(__dirname, '../blueprints')).find((blueprint) => blueprint.name === '1-member-list');
  return memberList?.document.defaults;
}
