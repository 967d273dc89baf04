// Access's answers to plugin-core's PrivacyService: what features (matching's candidate cards and criteria) may ask.
import { PrivacyLevel, PrivacyService } from '@hongniang/plugin-core';
import { FieldPrivacy } from './privacy-levels';
import { viewableFields } from './request-fields';
import { viewerOf } from './viewer';

export function privacyAnswers(privacy: FieldPrivacy): PrivacyService {
  return {
    fieldsAt: async (collectionName: string, levels: PrivacyLevel[]) =>
      (await privacy.current()).listed(collectionName, levels),
    async seenOnEveryRecord(ctx: any, collectionName: string) {
      const viewer = viewerOf(ctx);
      const levels = await privacy.current();
      if (!viewer || !levels.governs(collectionName)) return null;
      const collection = ctx.db.getCollection(collectionName);
      const allowed = viewableFields(ctx, viewer.roles, collection);
      return [...collection.fields.keys()].filter(
        (name: string) =>
          (!allowed || allowed.has(name)) && viewer.reach(levels.levelOf(collectionName, name)) === 'every',
      );
    },
  };
}
