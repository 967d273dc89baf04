import { extendCollection } from '@nocobase/database';
import { CRITERIA, CRITERION_LABELS, label, weightField } from '../language/vocabulary';

/** A member's own weights (empty: the agency's): "for some members personality matters most". */
export default extendCollection({
  name: 'partnerPreferences',
  fields: CRITERIA.map((criterion) => ({
    name: weightField(criterion),
    type: 'integer',
    interface: 'integer',
    uiSchema: {
      type: 'number',
      title: label(`Own weight: ${CRITERION_LABELS[criterion].en}`),
      'x-component': 'InputNumber',
      'x-component-props': { step: '1', min: 0, max: 10 },
    },
  })),
});
