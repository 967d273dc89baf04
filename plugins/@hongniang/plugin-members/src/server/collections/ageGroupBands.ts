import { defineCollection } from '@nocobase/database';
import { choice, integer, label } from '../fields/field-kinds';

/** The agency's age groups (青年/中年/老年) and the ages each covers; members' age groups follow any change. */
export default defineCollection({
  name: 'ageGroupBands',
  title: label('Age group bands'),
  uiManageable: true,
  fields: [
    choice('group', 'Age group', 'ageGroup', { unique: true }),
    integer('minAge', 'Age from'),
    integer('maxAge', 'Age to'),
  ],
});
