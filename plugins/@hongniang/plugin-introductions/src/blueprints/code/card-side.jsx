// 牵线看板 card: one side of the introduction (甲方 on the first card field, 乙方 on the second) as the server shaped it for
// the signed-in user (name, age, education, occupation: introduction-level fields; a field her role may not see is
// simply absent), her phone and WeChat when the server sends them (her own matchmaker, a manager, or the other side's
// matchmaker once both agreed: access's contact release), and under 乙方 the days in the stage and the next action. The same code serves both fields: the side
// is the member this field shows. The board appends the members only, not their regions: a city shows when appended.
const { Space, Tag, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const record = ctx.record || {};
const sideB = ctx.value?.id != null && String(ctx.value.id) === String(record.memberB?.id ?? record.memberBId);
const member = (sideB ? record.memberB : record.memberA) || ctx.value || {};

// What a matchmaker does next, by stage (dates and feedback arrive with the calendar).
const NEXT = {
  recommendedToA: say('询问甲方意愿', 'Ask side A'),
  recommendedToB: say('等待乙方答复', 'Waiting for side B'),
  bothAgreed: say('安排约会', 'Arrange a date'),
  met: say('收集约会反馈', 'Collect date feedback'),
  dating: say('跟进交往', 'Follow up the dating'),
  committed: say('跟进关系进展', 'Follow up the relationship'),
  engaged: say('跟进婚期', 'Follow up the wedding'),
};
// Days without a stage change after which a card asks for attention (an open introduction left waiting).
const STALE_DAYS = 7;

/** An option's label as the members collection defines it (学历 master → 硕士), else the stored value. */
const labelOf = (field, value) => {
  const options = ctx.dataSourceManager?.getCollectionField?.(`main.members.${field}`)?.uiSchema?.enum || [];
  const option = options.find((item) => String(item.value) === String(value));
  return option ? (ctx.t?.(option.label) ?? option.label) : value;
};
const city = (member.currentCity || [])
  .map((region) => region?.name)
  .filter(Boolean)
  .join(' / ');
const facts = [
  member.age != null ? say(`${member.age}岁`, `${member.age}`) : null,
  member.education ? labelOf('education', member.education) : null,
  member.occupation ? labelOf('occupation', member.occupation) : null,
  city || null,
].filter(Boolean);
const contacts = [
  member.phone ? say(`手机 ${member.phone}`, `Phone ${member.phone}`) : null,
  member.wechat ? say(`微信 ${member.wechat}`, `WeChat ${member.wechat}`) : null,
].filter(Boolean);
const line = (
  <Space direction="vertical" size={0}>
    <Typography.Text>
      <Typography.Text strong>{member.name || '—'}</Typography.Text>
      {facts.length ? <Typography.Text type="secondary">{` · ${facts.join(' · ')}`}</Typography.Text> : null}
    </Typography.Text>
    {contacts.length ? (
      <Typography.Text copyable={{ text: member.phone || member.wechat }}>{contacts.join(' · ')}</Typography.Text>
    ) : null}
  </Space>
);

if (!sideB) {
  ctx.render(line);
} else {
  const since = record.stageChangedAt || record.createdAt;
  const days = since ? Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 86400000)) : null;
  const next = NEXT[record.stage];
  const stale = next && days != null && days >= STALE_DAYS;
  ctx.render(
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {line}
      <Space size={4} wrap>
        {days != null ? (
          <Tag color={stale ? 'orange' : undefined}>{say(`本阶段 ${days} 天`, `${days} d in stage`)}</Tag>
        ) : null}
        {next ? <Tag color="blue">{say(`下一步：${next}`, `Next: ${next}`)}</Tag> : null}
      </Space>
    </Space>,
  );
}
