// 打印 / Print: this summary's printable page (serviceSummaries:print, in her language) in a new window, then the browser's
// print dialog. The page is fetched with her session, so no token goes into an address; the server checks she may see it.
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const messageOf = (error) => {
  let data = error?.response?.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = null;
    }
  }
  return data?.errors?.[0]?.message || error?.message || String(error);
};
const id = ctx.record?.id ?? ctx.view?.inputArgs?.filterByTk;
// Opened at once, within the click: a window opened after the request would be blocked as a pop-up.
const printWindow = window.open('', '_blank');
if (!printWindow) {
  ctx.message.error(
    say(
      '浏览器拦截了新窗口：请允许本站弹出窗口后再打印',
      'The browser blocked the new window: allow pop-ups for this site and print again',
    ),
  );
} else {
  try {
    const response = await ctx.request({
      url: 'serviceSummaries:print',
      method: 'get',
      params: { filterByTk: id },
      responseType: 'text',
      // A refusal shows once, as the server words it.
      skipNotify: true,
    });
    printWindow.document.open();
    printWindow.document.write(response.data);
    printWindow.document.close();
    printWindow.focus();
    printWindow.print();
  } catch (error) {
    printWindow.close();
    ctx.message.error(messageOf(error));
  }
}
