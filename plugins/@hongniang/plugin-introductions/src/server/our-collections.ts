// The collections this plugin defines (collections/), by name: in the collection manager, indexed, and the ones whose
// requests the hooks need to know (middlewares/remember-request.ts).
export const INTRODUCTION_COLLECTIONS = [
  'introductions',
  'introductionConsents',
  'introductionStageChanges',
  'dates',
  'dateFeedback',
  'contactReleases',
];
