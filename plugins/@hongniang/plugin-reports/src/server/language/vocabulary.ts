// The reports plugin's namespace: its titles and messages are keys of src/locale/<lang>.json (English key, zh-CN default).
import { Labelled, labelsOf } from '@hongniang/plugin-core';

export const NAMESPACE = '@hongniang/plugin-reports';

/** A label translated by the web client from this plugin's locale files. */
export const label = labelsOf(NAMESPACE);

/** A monthly service summary's status: drafted by the server at month end, sent to the member by her matchmaker. */
export const SUMMARY_STATUSES: (Labelled<'draft' | 'sent'> & { color: string })[] = [
  { value: 'draft', zh: '草稿', en: 'Draft', color: 'default' },
  { value: 'sent', zh: '已发送', en: 'Sent', color: 'green' },
];
