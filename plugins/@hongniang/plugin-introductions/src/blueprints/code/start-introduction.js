// 发起牵线 / Start an introduction: from a match suggestion (推荐记录), introduces its member (甲方) to its candidate (乙方)
// through introductions:create, as the signed-in user; the server's refusal (a pair already in an introduction, a member
// not hers…) is shown as it words it.
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const record = ctx.record || {};
const memberAId = record.memberId ?? record.member?.id;
const memberBId = record.candidateId ?? record.candidate?.id;
try {
  // skipNotify: a refusal shows once, as our message, not also as NocoBase's error notification that stays open.
  const response = await ctx.request({
    url: 'introductions:create',
    method: 'post',
    data: { memberAId, memberBId },
    skipNotify: true,
  });
  const id = response.data?.data?.id;
  ctx.message.success(
    say(
      `已发起牵线${id ? ` #${id}` : ''}：${record.member?.name ?? ''} 与 ${record.candidate?.name ?? ''}，见牵线看板`,
      `Introduction${id ? ` #${id}` : ''} started: ${record.member?.name ?? ''} and ${record.candidate?.name ?? ''} (see the board)`,
    ),
  );
} catch (error) {
  ctx.message.error(error?.response?.data?.errors?.[0]?.message || error?.message || String(error));
}
