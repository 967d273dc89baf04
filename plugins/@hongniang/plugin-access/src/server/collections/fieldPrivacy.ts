import { defineCollection } from '@nocobase/database';
import { label, PRIVACY_LEVELS } from '../privacy/privacy-levels';

/** 字段隐私: one row per field whose privacy is not the ordinary archive's. The one place the agency changes who sees what. */
export default defineCollection({
  name: 'fieldPrivacy',
  title: label('Field privacy'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    {
      name: 'collectionName',
      type: 'string',
      interface: 'input',
      uiSchema: { type: 'string', title: label('Collection'), 'x-component': 'Input' },
    },
    {
      name: 'fieldName',
      type: 'string',
      interface: 'input',
      uiSchema: { type: 'string', title: label('Field'), 'x-component': 'Input' },
    },
    {
      name: 'level',
      type: 'string',
      interface: 'select',
      defaultValue: 'sensitive',
      uiSchema: {
        type: 'string',
        title: label('Privacy level'),
        'x-component': 'Select',
        enum: PRIVACY_LEVELS.map((level) => ({ value: level.value, label: level.zh })),
      },
    },
  ],
  indexes: [{ unique: true, fields: ['collectionName', 'fieldName'] }],
});
