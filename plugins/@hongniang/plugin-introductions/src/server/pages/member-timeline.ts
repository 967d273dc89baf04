// What introductions adds to the member archive's page (plugin-members' blueprint 1-member-list) before it is applied:
// 时间线, a block in the member's popup listing her suggestions, introductions, consents, dates and feedback in time order.
import path from 'path';
import { memberPopupOf } from '@hongniang/plugin-members';

const TIMELINE_CODE = path.resolve(__dirname, '../../blueprints/code/timeline.jsx');

/**
 * Adds the 时间线 block at the end of the member popup (memberTable → viewMember), after what other plugins put there.
 * Mutates the blueprint document; refuses (throws) when the popup is not where plugin-members puts it.
 */
export function addTimelineToMemberPopup(document: any) {
  memberPopupOf(document).blocks.push({
    key: 'memberTimeline',
    type: 'jsBlock',
    title: '时间线',
    settings: { version: '1.0.0', codeFile: TIMELINE_CODE },
  });
}
