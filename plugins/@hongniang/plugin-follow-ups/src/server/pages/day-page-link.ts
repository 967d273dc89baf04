// The web client's address of 我的今日 (the seeded page), for a reminder's in-app message: its link opens the page.
import { DAY_PAGE } from '../roles';

/** '/admin/<page uid>' of 我的今日, or null before the pages are seeded (or when an admin removed it). */
export async function dayPageLink(db: any): Promise<string | null> {
  if (!db.hasCollection('seededPages') || !db.hasCollection('desktopRoutes')) return null;
  const seeded = await db.getModel('seededPages').findOne({ where: { blueprint: DAY_PAGE }, raw: true });
  if (!seeded?.routeId) return null;
  const route = await db.getModel('desktopRoutes').findByPk(seeded.routeId, { raw: true });
  return route?.schemaUid ? `/admin/${route.schemaUid}` : null;
}
