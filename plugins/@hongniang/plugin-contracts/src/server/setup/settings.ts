// The agency's contract settings (one record, id 1): read by the ledger, the refund proposal, the reminders and the
// complaint deadlines; seeded at install and upgrade; checked on every save.
import { Refusal } from '@hongniang/plugin-core';
import { contractsLanguage } from '../language/contracts-language';
import { REFUND_RULES, STAGE_ORDER } from '../language/vocabulary';
import { RefundRule } from '../ledger/refund';
import { FieldChecks } from '../hooks/checks';

export const SETTINGS_ID = 1;

export interface ContractSettings {
  /** The introduction stage from which an introduction counts as delivered (its value, e.g. recommendedToB). */
  countingStage: string;
  refundRule: RefundRule;
  endingNoticeDays: number;
  complaintWorkingDays: number;
}

export const DEFAULTS: ContractSettings = {
  countingStage: 'recommendedToB',
  refundRule: 'introductions',
  endingNoticeDays: 30,
  complaintWorkingDays: 3,
};

/** The settings as the plugin uses them (defaults for what is empty). */
export async function readContractSettings(db: any, transaction?: any): Promise<ContractSettings> {
  const row: any = (await db.getModel('contractSettings').findByPk(SETTINGS_ID, { raw: true, transaction })) || {};
  const pick = <K extends keyof ContractSettings>(name: K): ContractSettings[K] =>
    row[name] === null || row[name] === undefined || row[name] === '' ? DEFAULTS[name] : row[name];
  return {
    countingStage: pick('countingStage'),
    refundRule: pick('refundRule'),
    endingNoticeDays: Number(pick('endingNoticeDays')),
    complaintWorkingDays: Number(pick('complaintWorkingDays')),
  };
}

/** A new agency gets the defaults as its record, ready to edit (an existing one is kept). */
export async function seedContractSettings(db: any) {
  const repository = db.getRepository('contractSettings');
  if (!(await repository.findOne({ filterByTk: SETTINGS_ID })))
    await repository.create({ values: { id: SETTINGS_ID } });
}

/** Refuses (400, naming the field) an unknown stage or rule, a number out of bounds, or a second settings record. */
export async function checkContractSettings(db: any, model: any, options: any) {
  const language = contractsLanguage(options);
  if (model.isNewRecord && (await model.constructor.count({ transaction: options.transaction })))
    throw new Refusal(
      language.t('The contract settings are one record: edit it rather than adding another; nothing was saved'),
      {
        field: 'contractSettings',
      },
    );
  const check = new FieldChecks(db.getCollection('contractSettings'), model, language);
  check.option('countingStage', STAGE_ORDER);
  check.option('refundRule', REFUND_RULES);
  check.wholeNumber('endingNoticeDays', 1, 365);
  check.wholeNumber('complaintWorkingDays', 1, 30);
}
