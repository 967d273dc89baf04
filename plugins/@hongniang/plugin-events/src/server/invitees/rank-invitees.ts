// 邀请合适会员's ranking, free of NocoBase: plain members and the event's targets in, ranked members with their reasons out.

/** What the ranking reads of an event: its interest tags (hobby values), its ages (on its day) and gender, if any. */
export interface EventTargets {
  interestTags: string[];
  ageMin: number | null;
  ageMax: number | null;
  gender: string | null;
}

/** What the ranking reads of a member: her hobbies (values), her age on the event's day (null: no birth date), gender. */
export interface InviteeCandidate {
  id: number;
  name: string;
  hobbies: string[];
  age: number | null;
  gender: string | null;
}

/** A member who fits, and why: the event's tags she shares, and whether an age range was asked and met. */
export interface RankedInvitee {
  id: number;
  name: string;
  /** Shared tags, the number of the event's tags she shares (0 when the event has none). */
  score: number;
  sharedTags: string[];
  /** `inRange`: the event asks for ages and she is within them; `noRange`: the event asks for none. */
  ageFit: 'inRange' | 'noRange';
}

/**
 * Ranks `candidates` for an event: those outside its gender, or outside its age range (or without a birth date when it
 * has one), are left out; the others are ordered by the number of the event's interest tags their hobbies share (most
 * first), then by name and id, so the same data always ranks the same.
 */
export function rankInvitees(event: EventTargets, candidates: InviteeCandidate[]): RankedInvitee[] {
  const tags = new Set(event.interestTags);
  const asksAge = event.ageMin != null || event.ageMax != null;
  const fits = (candidate: InviteeCandidate) =>
    (event.gender == null || candidate.gender === event.gender) &&
    (!asksAge ||
      (candidate.age != null &&
        (event.ageMin == null || candidate.age >= event.ageMin) &&
        (event.ageMax == null || candidate.age <= event.ageMax)));
  return candidates
    .filter(fits)
    .map((candidate): RankedInvitee => {
      const sharedTags = event.interestTags.filter((tag) => candidate.hobbies.includes(tag) && tags.has(tag));
      return {
        id: candidate.id,
        name: candidate.name,
        score: sharedTags.length,
        sharedTags,
        ageFit: asksAge ? 'inRange' : 'noRange',
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
}
