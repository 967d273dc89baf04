// Test people, built readably: everything ordinary unless said otherwise.
import { Person } from '../reference';
import { Preferences, Profile } from '../types';

export function person(id: number, profile: Partial<Profile> = {}, preferences: Partial<Preferences> = {}): Person {
  return {
    profile: {
      id,
      gender: 'female',
      age: 30,
      heightCm: 165,
      educationRank: 2,
      incomeRank: 3,
      maritalStatus: 'single',
      hasChildren: false,
      smokes: false,
      hobbies: [],
      personality: [],
      province: '33',
      city: '3301',
      recommendable: true,
      ...profile,
    },
    preferences: {
      ageMin: null,
      ageMax: null,
      heightMin: null,
      heightMax: null,
      minEducationRank: null,
      minIncomeRank: null,
      maritalStatuses: [],
      childrenAcceptable: true,
      smokingAcceptable: true,
      regions: [],
      wantedHobbies: [],
      wantedPersonality: [],
      importance: {},
      ...preferences,
    },
  };
}
