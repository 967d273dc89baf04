import { defineCollection } from '@nocobase/database';
import { DEFAULT_LEARNED_SETTINGS, DEFAULT_SETTINGS } from '@hongniang/matching-engine';
import { COMBINATIONS, CRITERIA, CRITERION_LABELS, label, weightField } from '../language/vocabulary';

const number = (name: string, title: string, defaultValue: number, bounds: { min: number; max: number }, step = 1) => ({
  name,
  type: step === 1 ? 'integer' : 'double',
  interface: step === 1 ? 'integer' : 'number',
  defaultValue,
  uiSchema: {
    type: 'number',
    title: label(title),
    'x-component': 'InputNumber',
    'x-component-props': { step: String(step), ...bounds },
  },
});

/** The agency's matching settings: one record (id 1), edited on the 匹配设置 page. */
export default defineCollection({
  name: 'matchSettings',
  title: label('Matching settings'),
  uiManageable: true,
  fields: [
    ...CRITERIA.map((criterion) =>
      number(weightField(criterion), `Weight: ${CRITERION_LABELS[criterion].en}`, DEFAULT_SETTINGS.weights[criterion], {
        min: 0,
        max: 10,
      }),
    ),
    {
      name: 'combination',
      type: 'string',
      interface: 'select',
      defaultValue: DEFAULT_SETTINGS.combination,
      uiSchema: {
        type: 'string',
        title: label('Combining both directions'),
        'x-component': 'Select',
        enum: COMBINATIONS.map((option) => ({ value: option.value, label: option.zh })),
      },
    },
    number('minimumScore', 'Minimum score', DEFAULT_SETTINGS.minimumScore, { min: 0, max: 100 }),
    number('defaultLimit', 'Results per search', 20, { min: 1, max: 100 }),
    number('batchLimit', 'Open suggestions kept per member by the batch run', 5, { min: 1, max: 100 }),
    // What members answered moves scores (docs/matching.md, "Learning from answers"); these three are the agency's to set.
    {
      name: 'learningEnabled',
      type: 'boolean',
      interface: 'checkbox',
      defaultValue: DEFAULT_LEARNED_SETTINGS.enabled,
      uiSchema: { type: 'boolean', title: label('Learn from members’ answers'), 'x-component': 'Checkbox' },
    },
    number(
      'learnedShare',
      'Most that answers about a candidate may count in his score (0–1)',
      DEFAULT_LEARNED_SETTINGS.learnedShare,
      { min: 0, max: 1 },
      0.05,
    ),
    number(
      'revealedShare',
      'Most that preferences shown by answers may replace stated weights (0–1)',
      DEFAULT_LEARNED_SETTINGS.revealedShare,
      { min: 0, max: 1 },
      0.05,
    ),
  ],
});
