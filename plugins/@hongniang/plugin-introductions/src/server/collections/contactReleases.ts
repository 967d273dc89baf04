import { defineCollection } from '@nocobase/database';
import { label } from '../language/vocabulary';
import { belongsTo, member, moment, staff } from '../fields/field-kinds';

/**
 * 联系方式公开记录: each time a member's contact details (the 字段隐私 contact level) were released to the other side's
 * matchmaker, by an introduction reaching 双方同意, and when its end (终止) stopped it. Written by the server only
 * (hooks/contact-releases.ts); what is shown is computed live (hooks/contact-disclosures.ts), this is the record of it.
 */
export default defineCollection({
  name: 'contactReleases',
  title: label('Contact releases'),
  uiManageable: true,
  fields: [
    belongsTo('introduction', 'Introduction', 'introductions', 'id'),
    member('member', 'Whose contact details'),
    staff('releasedTo', 'Released to'),
    staff('releasedBy', 'Released by'),
    moment('releasedAt', 'Released at'),
    moment('stoppedAt', 'Stopped at'),
  ],
});
