import { defineCollection } from '@nocobase/database';
import { checkbox, choice, choices, integer, label } from '../fields/field-kinds';

/** A criterion's importance: 必须 is a hard filter, the others weigh in the score. */
const importance = (criterion: string, title: string) =>
  choice(`${criterion}Importance`, `${title}: importance`, 'importance', { defaultValue: 'normal' });

/** Partner preferences (择偶标准): one set per member, each criterion with its importance. */
export default defineCollection({
  name: 'partnerPreferences',
  title: label('Partner preferences'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    {
      name: 'member',
      type: 'belongsTo',
      interface: 'obo',
      target: 'members',
      foreignKey: 'memberId',
      unique: true,
      uiSchema: {
        title: label('Member'),
        'x-component': 'AssociationField',
        'x-component-props': { fieldNames: { label: 'name', value: 'id' } },
      },
    },
    integer('ageMin', 'Age from'),
    integer('ageMax', 'Age to'),
    importance('age', 'Age'),
    integer('heightMin', 'Height from (cm)'),
    integer('heightMax', 'Height to (cm)'),
    importance('height', 'Height'),
    choice('minEducation', 'Minimum education', 'education'),
    importance('education', 'Education'),
    choices('maritalStatuses', 'Accepted marital statuses', 'maritalStatus'),
    importance('maritalStatus', 'Marital status'),
    checkbox('childrenAcceptable', 'Children acceptable', true),
    importance('children', 'Children'),
    choice('minIncomeBand', 'Minimum annual income', 'incomeBand'),
    importance('income', 'Income'),
    {
      name: 'preferredRegions',
      type: 'belongsToMany',
      interface: 'chinaRegion',
      target: 'chinaRegions',
      targetKey: 'code',
      sortBy: 'level',
      through: 'partnerPreferenceRegions',
      foreignKey: 'partnerPreferencesId',
      otherKey: 'regionCode',
      uiSchema: {
        type: 'array',
        title: label('Preferred regions'),
        'x-component': 'Cascader',
        'x-component-props': {
          useDataSource: '{{ useChinaRegionDataSource }}',
          useLoadData: '{{ useChinaRegionLoadData }}',
          changeOnSelect: true,
          maxLevel: 2,
        },
      },
    },
    importance('region', 'Region'),
    choices('wantedHobbies', 'Wanted hobbies', 'hobbies'),
    importance('hobbies', 'Hobbies'),
    choices('wantedPersonality', 'Wanted personality', 'personality'),
    importance('personality', 'Personality'),
    checkbox('smokingAcceptable', 'Smoking acceptable', true),
    importance('smoking', 'Smoking'),
  ],
});
