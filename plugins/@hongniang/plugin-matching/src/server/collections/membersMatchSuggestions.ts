import { extendCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';

/** A member's suggestions (she is the member side): the table in her popup reads them through this association. */
export default extendCollection({
  name: 'members',
  fields: [
    {
      name: 'matchSuggestions',
      type: 'hasMany',
      interface: 'o2m',
      target: 'matchSuggestions',
      foreignKey: 'memberId',
      onDelete: 'CASCADE',
      uiSchema: { title: label('Match suggestions'), 'x-component': 'AssociationField' },
    },
  ],
});
