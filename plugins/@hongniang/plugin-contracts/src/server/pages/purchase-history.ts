// What contracts adds to the member archive's page (plugin-members' blueprint 1-member-list) before it is applied:
// 购买记录, a block in the member's popup listing her contracts and the payments on them (blueprints/code/purchase-history.jsx).
import path from 'path';
import { memberPopupOf } from '@hongniang/plugin-members';

const PURCHASE_HISTORY_CODE = path.resolve(__dirname, '../../blueprints/code/purchase-history.jsx');

/**
 * Adds the 购买记录 block at the end of the member popup (memberTable → viewMember). Mutates the blueprint document;
 * throws when the popup is not where plugin-members puts it.
 */
export function addPurchaseHistoryToMemberPopup(document: any) {
  memberPopupOf(document).blocks.push({
    key: 'memberPurchaseHistory',
    type: 'jsBlock',
    title: '购买记录',
    settings: { version: '1.0.0', codeFile: PURCHASE_HISTORY_CODE },
  });
}
