// A member's top-K: one tight loop over the records of the groups she may be suggested from. Requirements first (tested
// once per requirement set), then her wish tables criterion by criterion, stopping as soon as a candidate cannot reach the
// list; the exact reciprocal score only for the few left.
import * as layout from './layout';
import { directionalScoreOf, meets, scratchFor } from './exact-checks';
import { combine, forwardNeededFor, percentOf, round2 } from './score';
import { Group } from './slots';
import { Stores } from './stores';
import { TopK } from './top-k';
import { MatchSettings } from './types';
import { Wish } from './wish-tables';

// Copied once: CommonJS makes each imported name a property read, and this code runs for every candidate scanned.
const {
  AGE,
  AGE_AT,
  CHILDREN,
  CHUNK_SLOTS,
  EDUCATION,
  EDUCATION_AT,
  EXCLUDED_PAIR,
  FLAGS_AT,
  HAS_CHILDREN,
  HEIGHT,
  HEIGHT_AT,
  HOBBIES,
  HOBBIES_AT,
  ID_AT,
  INCOME,
  INCOME_AT,
  MARITAL_AT,
  MARITAL_STATUS,
  PERSONALITY,
  PERSONALITY_AT,
  PLACE_AT,
  PRESENT,
  RECORD_BYTES,
  REGION,
  REQUIREMENTS_AT,
  SMOKES,
  SMOKING,
  popcount,
} = layout;

// Scores compare rounded to 0.01: a bound 0.01 below the worst kept score rounds below it, 0.004 above rounds to it at most.
const PRUNE_MARGIN = 0.01;
const TIE_MARGIN = 0.004;
// Whether the member meets a requirement set, per scan: `verdicts[set]` is the scan's stamp + MET or UNMET; a smaller
// value (or none) is untested. One plain array for every scan, stamps 4 apart: no per-scan allocation as large as the
// sets, and no typed-array stores (slow after SES's lockdown, exact-checks.ts).
const MET = 1;
const UNMET = 2;
const verdicts: number[] = [];
let stamp = 0;

/** Candidates a scan counted out: failing a requirement of either side, or scoring below the settings' minimum. */
export interface ScanCounts {
  hardFilter: number;
  belowMinimum: number;
}

/**
 * Scores the candidates of `groups` (present, excluded pairs marked EXCLUDED_PAIR) for the member in `memberSlot` into
 * `top`, by her `wish` (wishTables) and the settings' combination and minimum score; criteria in `ignoredBits` left out.
 * The ids `top` keeps and their rounded scores equal the reference matcher's best. `countAll` true: every candidate is
 * tested against her requirements before any pruning, so that the counts are exact; false: only a candidate whose score
 * could still enter `top` is, and the counts are not to be read (the same ids and scores; every member's top 20 of
 * the 10 000-member demo agency in 6.9 s instead of 7.2, measured twice each, in the batch run's process).
 */
export function scan(
  stores: Stores,
  memberSlot: number,
  wish: Wish,
  groups: Group[],
  settings: MatchSettings,
  ignoredBits: number,
  top: TopK,
  countAll = true,
): ScanCounts {
  const { combination, minimumScore } = settings;
  const { int32, uint32, int16, uint16, int8, uint8 } = stores.profiles;
  const { fits, ageLow, heightLow, educationLow, incomeLow, wantedHobbies, wantedPersonality, total, restFrom } = wish;
  const ageFit = fits[AGE];
  const heightFit = fits[HEIGHT];
  const educationFit = fits[EDUCATION];
  const maritalFit = fits[MARITAL_STATUS];
  const childrenFit = fits[CHILDREN];
  const incomeFit = fits[INCOME];
  const regionFit = fits[REGION];
  const hobbiesFit = fits[HOBBIES];
  const personalityFit = fits[PERSONALITY];
  const smokingFit = fits[SMOKING];
  const restFromAge = restFrom[AGE];
  const restFromHeight = restFrom[HEIGHT];
  const restFromChildren = restFrom[CHILDREN];
  const restFromHobbies = restFrom[HOBBIES];
  const scratch = scratchFor(settings, ignoredBits);
  // Whether the member meets each requirement set, tested when a candidate first has it.
  const base = (stamp += 4);
  for (let set = verdicts.length; set <= stores.requirementSets.count; set++) verdicts.push(0);
  /** Whether the member fails the requirement set of the candidate in `slot` (0: none), each set tested once. */
  const failsRequirements = (requirementSet: number, slot: number) => {
    if (requirementSet === 0) return false;
    let verdict = verdicts[requirementSet] - base;
    if (verdict < MET)
      verdict = (verdicts[requirementSet] = base + (meets(stores, slot, memberSlot, ignoredBits) ? MET : UNMET)) - base;
    return verdict === UNMET;
  };
  let hardFilter = 0;
  let belowMinimum = 0;
  // Below this forward score even a perfect fit the other way stays under the minimum score.
  const hopelessBelow = forwardNeededFor(minimumScore - PRUNE_MARGIN, combination);
  // The weighted fit needed to reach the worst kept score, or to tie it with a lower id; none before the list is full or with a minimum.
  let outrankedBelow = -Infinity;
  let tiedBelow = -Infinity;
  let worstId = 0;
  for (let g = 0; g < groups.length; g++) {
    const { chunks } = groups[g];
    for (let k = 0; k < chunks.length; k++) {
      for (let s = chunks[k], end = s + CHUNK_SLOTS; s < end; s++) {
        const at = s * RECORD_BYTES;
        const flags = uint8[at + FLAGS_AT];
        if ((flags & (PRESENT | EXCLUDED_PAIR)) !== PRESENT) continue;
        // Counting, hard filters come before any pruning: a candidate who fails one counts as hardFilter whatever her score.
        const requirementSet = uint32[(at + REQUIREMENTS_AT) >> 2];
        if (countAll && failsRequirements(requirementSet, s)) {
          hardFilter++;
          continue;
        }
        const id = int32[(at + ID_AT) >> 2];
        const needed = id > worstId ? tiedBelow : outrankedBelow;
        // Added in CRITERIA order as directionalScore adds (so, to the bit); each step only while perfect fits on the rest could reach `needed`.
        let weighted = 0;
        if (restFromAge >= needed) {
          weighted = ageFit[int16[(at + AGE_AT) >> 1] - ageLow];
          if (weighted + restFromHeight >= needed) {
            weighted =
              weighted +
              heightFit[int16[(at + HEIGHT_AT) >> 1] - heightLow] +
              educationFit[int8[at + EDUCATION_AT] - educationLow] +
              maritalFit[int8[at + MARITAL_AT] + 1];
            if (weighted + restFromChildren >= needed) {
              weighted =
                weighted +
                childrenFit[flags & HAS_CHILDREN ? 1 : 0] +
                incomeFit[int8[at + INCOME_AT] - incomeLow] +
                regionFit[uint16[(at + PLACE_AT) >> 1]];
              if (weighted + restFromHobbies >= needed) {
                weighted =
                  weighted +
                  hobbiesFit[popcount(wantedHobbies & uint32[(at + HOBBIES_AT) >> 2])] +
                  personalityFit[popcount(wantedPersonality & uint32[(at + PERSONALITY_AT) >> 2])] +
                  smokingFit[flags & SMOKES ? 1 : 0];
              }
            }
          }
        }
        // A table's -Infinity: she fails a criterion the member requires.
        if (weighted === -Infinity) {
          hardFilter++;
          continue;
        }
        if (weighted < needed) continue;
        if (!countAll && failsRequirements(requirementSet, s)) continue;
        const forward = percentOf(weighted, total);
        if (forward < hopelessBelow) {
          belowMinimum++;
          continue;
        }
        const score = round2(combine(forward, directionalScoreOf(stores, s, memberSlot, scratch), combination));
        if (score < minimumScore) {
          belowMinimum++;
          continue;
        }
        top.offer(score, id);
        if (top.full && minimumScore <= 0) {
          outrankedBelow = (forwardNeededFor(top.worstScore - PRUNE_MARGIN, combination) * total) / 100;
          tiedBelow = (forwardNeededFor(top.worstScore + TIE_MARGIN, combination) * total) / 100;
          worstId = top.worstId;
        }
      }
    }
  }
  return { hardFilter, belowMinimum };
}
