import { defineCollection } from '@nocobase/database';
import {
  checkbox,
  choice,
  confirmation,
  choices,
  date,
  derivedChoice,
  derivedInteger,
  email,
  integer,
  label,
  longText,
  moment,
  phone,
  photo,
  region,
  text,
} from '../fields/field-kinds';
import { CONFIRM_FIELD } from '../validation/likely-duplicates';

/** The member archive (客户档案): one record per client, fields grouped as the agency groups them. */
export default defineCollection({
  name: 'members',
  title: label('Members'),
  uiManageable: true,
  createdBy: true,
  updatedBy: true,
  fields: [
    // Basic 基本信息
    {
      name: 'memberNo',
      type: 'sequence',
      interface: 'sequence',
      unique: true,
      // A number given at creation (an agency's own, from its spreadsheet) is kept and the sequence moves past it.
      inputable: true,
      patterns: [
        { type: 'string', options: { value: 'HN' } },
        { type: 'integer', options: { digits: 6, start: 1, key: 1 } },
      ],
      uiSchema: { type: 'string', title: label('Member number'), 'x-component': 'Input', 'x-read-pretty': true },
    },
    // Indexed: a new member is compared with the archive by name and birth date, and by WeChat ID (likely duplicates).
    { ...text('name', 'Name'), index: true },
    choice('gender', 'Gender', 'gender', { index: true }),
    date('birthDate', 'Birth date'),
    derivedInteger('age', 'Age'),
    // Indexed: the lookups of every day at 100k members (duplicate phones on save, the list's filters).
    { ...phone('phone', 'Phone'), index: true },
    { ...text('wechat', 'WeChat ID'), index: true },
    email('email', 'E-mail'),
    photo('photo', 'Photo', 'memberPhotos'),
    text('idNumber', 'ID number'),
    region('currentCity', 'Current city', 'memberCurrentCities'),
    region('hometown', 'Hometown', 'memberHometowns'),
    integer('heightCm', 'Height (cm)'),
    integer('weightKg', 'Weight (kg)'),
    // Never stored: a save sets it to say "checked: she is not the member named as a likely duplicate" (../validation/likely-duplicates.ts).
    confirmation(CONFIRM_FIELD, 'Confirmed not a duplicate'),
    // Education & occupation 教育与职业
    choice('education', 'Education', 'education'),
    text('school', 'School'),
    text('occupation', 'Occupation'),
    choice('occupationGroup', 'Occupation group', 'occupationGroup'),
    text('employer', 'Employer'),
    text('position', 'Position'),
    text('industry', 'Industry'),
    // Marriage & family 婚姻与家庭
    choice('maritalStatus', 'Marital status', 'maritalStatus'),
    // Not `children`: tables take a row's `children` for tree rows.
    choice('childrenStatus', 'Children', 'children'),
    checkbox('onlyChild', 'Only child'),
    longText('familyBackground', 'Family background'),
    // Lifestyle & interests 生活习惯与兴趣
    choices('hobbies', 'Hobbies', 'hobbies'),
    choice('smoking', 'Smoking', 'habitFrequency'),
    choice('drinking', 'Drinking', 'habitFrequency'),
    choices('personality', 'Personality', 'personality'),
    // Emotional history & expectations 情感经历与期望 (sensitive)
    longText('relationshipHistory', 'Relationship history'),
    longText('hopes', 'Hopes for a partner'),
    longText('worries', 'Worries'),
    // Economy 经济状况 (sensitive)
    choice('incomeBand', 'Annual income', 'incomeBand'),
    choice('housing', 'Housing', 'housing'),
    choice('car', 'Car', 'car'),
    longText('assets', 'Assets'),
    choice('spendingPower', 'Spending power', 'spendingPower'),
    // Membership & service 会员服务
    choice('tier', 'Membership tier', 'tier', { defaultValue: 'standard', index: true }),
    date('joinDate', 'Join date'),
    date('expiryDate', 'Membership expiry'),
    choice('status', 'Status', 'status', { defaultValue: 'new', index: true }),
    // When the status last changed (set by the server on every write path: hooks/status-changed-at.ts). Rows older than
    // the field got their last change instead (migrations/20261207000000-status-changed-at.ts): approximate for them.
    moment('statusChangedAt', 'Status changed at'),
    choice('sourceChannel', 'Source channel', 'sourceChannel'),
    {
      name: 'matchmaker',
      type: 'belongsTo',
      interface: 'm2o',
      target: 'users',
      foreignKey: 'matchmakerId',
      uiSchema: {
        title: label('Matchmaker'),
        'x-component': 'AssociationField',
        'x-component-props': { fieldNames: { label: 'nickname', value: 'id' } },
      },
    },
    {
      name: 'lastContactAt',
      type: 'date',
      interface: 'datetime',
      uiSchema: {
        type: 'string',
        title: label('Last contact'),
        'x-component': 'DatePicker',
        'x-component-props': { showTime: true },
      },
    },
    date('nextFollowUpDate', 'Next follow-up'),
    longText('notes', 'Notes'),
    {
      name: 'tags',
      type: 'array',
      interface: 'multipleSelect',
      defaultValue: [],
      uiSchema: {
        type: 'array',
        title: label('Tags'),
        'x-component': 'Select',
        'x-component-props': { mode: 'tags' },
        enum: [],
      },
    },
    // Consent & privacy 授权
    checkbox('recommendConsent', 'Consents to be recommended'),
    date('privacyConsentDate', 'Privacy consent date'),
    checkbox('doNotRecommend', 'Do not recommend'),
    // Classification 分类
    { ...derivedChoice('ageGroup', 'Age group', 'ageGroup'), index: true },
    { ...derivedChoice('ageBand', 'Age band (5 years)', 'ageBand'), index: true },
    {
      name: 'partnerPreferences',
      type: 'hasOne',
      interface: 'oho',
      target: 'partnerPreferences',
      foreignKey: 'memberId',
      onDelete: 'CASCADE',
      uiSchema: { title: label('Partner preferences'), 'x-component': 'AssociationField' },
    },
  ],
  // The reminders' sweep (plugin-follow-ups): records changed since its last run, and the dates its conditions read.
  indexes: [
    { fields: ['updatedAt'] },
    { fields: ['nextFollowUpDate'] },
    { fields: ['lastContactAt'] },
    { fields: ['expiryDate'] },
    // Churn by month (plugin-reports): members who left, by when their status changed.
    { fields: ['statusChangedAt'] },
  ],
});
