import { Plugin } from '@nocobase/server';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  extendDemoAgency,
  registerInCollectionManager,
  rowByRow,
} from '@hongniang/plugin-core';
import { ReminderKind, ReminderWorkflowDefinition } from '@hongniang/plugin-follow-ups';
import { MEMBER_BLUEPRINT, withMemberPopupDefaults } from '@hongniang/plugin-members';
import { contractLedger } from './actions/ledger';
import { proposeContractRefund } from './actions/propose-refund';
import { seedDemoContracts } from './demo/seed-demo';
import { refreshBalance } from './hooks/balance';
import { checkComplaint } from './hooks/complaint-rules';
import { closeOverdueReminders } from './hooks/complaint-reminders';
import { checkContract } from './hooks/contract-rules';
import {
  followContracts,
  keepContractsWithPayments,
  keepFollowedFields,
  keepMembersWithContracts,
} from './hooks/member-follows-contract';
import { checkPayment, checkPaymentRemoval } from './hooks/payment-rules';
import { label } from './language/vocabulary';
import { addPurchaseHistoryToMemberPopup } from './pages/purchase-history';
import { complaintOverdue } from './reminders/complaint-overdue';
import { contractEnding } from './reminders/contract-ending';
import { COMPLAINTS_PAGE, CONTRACT_ACTIONS, CONTRACTS_ACCESS, CONTRACTS_PAGE } from './roles';
import { ContractTerms } from './keepers/contract-terms';
import { checkContractSettings, seedContractSettings } from './setup/settings';
import COMPLAINT_OVERDUE_WORKFLOW from './workflows/complaint-overdue-workflow.json';
import CONTRACT_ENDING_WORKFLOW from './workflows/contract-ending-workflow.json';

/** Ours, in the collection manager. */
export const MANAGED_COLLECTIONS = ['contracts', 'payments', 'complaints', 'contractSettings'];

/** Each collection's rules, run on every write path. */
const RULES: Record<string, (db: any, model: any, options: any) => Promise<void>> = {
  contracts: checkContract,
  payments: checkPayment,
  complaints: checkComplaint,
};

/** The reminder kinds this plugin adds to follow-ups' sweep, each with the workflow that delivers it. */
const REMINDER_KINDS: [ReminderKind, ReminderWorkflowDefinition][] = [
  [contractEnding, CONTRACT_ENDING_WORKFLOW as ReminderWorkflowDefinition],
  [complaintOverdue, COMPLAINT_OVERDUE_WORKFLOW as ReminderWorkflowDefinition],
];

/**
 * Service contracts (服务合同), payments (收款) and refunds, the delivery ledger (contracts:ledger), the refund proposal
 * (contracts:proposeRefund), complaints and suggestions (投诉与建议), and their reminders through follow-ups' sweep.
 * See docs/contracts.md.
 */
export class PluginContractsServer extends Plugin {
  /** 冷静期 → 生效 → 已完成 as the days pass (keepers/contract-terms.ts). */
  readonly terms = new ContractTerms(this.app);

  async load() {
    declareAccess(this.app, this.name, CONTRACTS_ACCESS);
    this.enforceOnEveryPath();
    this.keepDerivedValues();
    this.answerOwnActions();
    this.addReminderKinds();
    this.followTerms();
    // 合同与收款 and 投诉与建议 (src/blueprints): members open as on the member page; her purchase history in that popup.
    for (const page of [CONTRACTS_PAGE, COMPLAINTS_PAGE]) extendBlueprint(this.app, page, withMemberPopupDefaults);
    extendBlueprint(this.app, MEMBER_BLUEPRINT, addPurchaseHistoryToMemberPopup);
    // The demo agency: contracts with payments for members in service, a refund, complaints answered and one overdue.
    extendDemoAgency(this.app, 'contracts', seedDemoContracts, { once: 'contracts' });
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
    await seedContractSettings(this.db);
  }

  async upgrade() {
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
    await seedContractSettings(this.db);
  }

  /** The rules on creates and updates, one record or many (imports and updates by filter run them row by row). */
  private enforceOnEveryPath() {
    for (const [collection, check] of Object.entries(RULES)) {
      rowByRow(this.db, collection);
      for (const event of ['beforeCreate', 'beforeUpdate'])
        this.db.on(`${collection}.${event}`, (model: any, options: any) => check(this.db, model, options));
    }
    this.db.on('contractSettings.beforeSave', (model: any, options: any) =>
      checkContractSettings(this.db, model, options),
    );
    this.db.on('payments.beforeDestroy', (model: any, options: any) => checkPaymentRemoval(this.db, model, options));
    this.db.on('contracts.beforeDestroy', (model: any, options: any) =>
      keepContractsWithPayments(this.db, model, options),
    );
    // A member's tier, join date and expiry are her contracts' (a request changing them is refused), and her contracts
    // keep her (deleting her is refused while she has any).
    this.db.on('members.beforeUpdate', (model: any, options: any) => keepFollowedFields(this.db, model, options));
    (this.app.pm.get('@hongniang/plugin-members') as any).refuseDeletionWhen(keepMembersWithContracts(this.db));
  }

  /** What follows a write in its own transaction: balances from payments, members from contracts, reminders from answers. */
  private keepDerivedValues() {
    const balanceOf = (model: any, options: any) =>
      Promise.all(
        [...new Set([model.get('contractId'), model.previous('contractId')])].map((id) =>
          refreshBalance(this.db, id, options.transaction),
        ),
      );
    this.db.on('payments.afterSave', balanceOf);
    this.db.on('payments.afterDestroy', (model: any, options: any) =>
      refreshBalance(this.db, model.get('contractId'), options.transaction),
    );
    const membersOf = async (model: any, options: any) => {
      for (const id of new Set([model.get('memberId'), model.previous('memberId')]))
        await followContracts(this.db, id, options.transaction);
    };
    this.db.on('contracts.afterSave', membersOf);
    this.db.on('contracts.afterDestroy', membersOf);
    this.db.on('complaints.afterSave', (model: any, options: any) => closeOverdueReminders(this.db, model, options));
  }

  /** A contract's status from its dates: at start (a stopped server's catch-up), then hourly. */
  private followTerms() {
    this.app.on('afterStart', () => this.terms.start());
    this.app.on('beforeStop', async () => {
      this.terms.stop();
      await this.terms.idle();
    });
  }

  /** 交付台账 and 退款建议, grantable per role (./roles.ts). */
  private answerOwnActions() {
    this.app.resourceManager.registerActionHandlers({
      'contracts:ledger': contractLedger,
      'contracts:proposeRefund': proposeContractRefund,
    });
    for (const [action, title] of Object.entries(CONTRACT_ACTIONS))
      this.app.acl.setAvailableAction(action, { displayName: label(title) });
  }

  /**
   * 合同将到期 and 投诉逾期, swept with follow-ups' kinds. Follow-ups shows a kind by name only when its reminders' `kind`
   * field lists it (its REMINDER_KINDS): until it lists these, they are left out with a warning rather than stopping the app.
   */
  private addReminderKinds() {
    const registry = (this.app.pm.get('@hongniang/plugin-follow-ups') as any).reminderKinds;
    for (const [kind, workflow] of REMINDER_KINDS) {
      try {
        registry.add(kind, workflow);
      } catch (error) {
        this.app.log.warn(`reminder kind ${kind.kind} not added: ${(error as Error).message}`);
      }
    }
  }
}

export default PluginContractsServer;
