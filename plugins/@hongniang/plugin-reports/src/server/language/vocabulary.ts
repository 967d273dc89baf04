// The reports plugin's namespace: its titles and messages are keys of src/locale/<lang>.json (English key, zh-CN default).
import { labelsOf } from '@hongniang/plugin-core';

export const NAMESPACE = '@hongniang/plugin-reports';

/** A label translated by the web client from this plugin's locale files. */
export const label = labelsOf(NAMESPACE);
