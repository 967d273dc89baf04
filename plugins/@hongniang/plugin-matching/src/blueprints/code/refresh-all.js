// 批量匹配: starts matchSuggestions:refreshAll; its progress shows in the task list (top bar).
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
try {
  // skipNotify: a refusal shows once, as our message, not also as NocoBase's error notification that stays open.
  await ctx.request({ url: 'matchSuggestions:refreshAll', method: 'post', data: {}, skipNotify: true });
  ctx.message.success(
    zh
      ? '批量匹配已开始，进度见右上角的任务列表'
      : 'Batch matching started; see its progress in the task list (top bar)',
  );
} catch (error) {
  ctx.message.error(error?.response?.data?.errors?.[0]?.message || error?.message || String(error));
}
