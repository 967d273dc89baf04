// 匹配明细 of a saved suggestion, as the 找对象 dialog shows a result's reasons: per criterion, how well each side fits the
// other's wish (0–100 %) and the weights. A criterion neither side weighs is marked as not counted (its fit did not fail:
// it simply does not enter the score); a criterion withheld from the reader shows only that it was withheld.
// ctx.value: the stored lines [{ criterion, title, forward, backward, weight: { forward, backward }, withheld? }].
const { Table, Typography } = ctx.libs.antd;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);
const lines = Array.isArray(ctx.value) ? ctx.value.filter((line) => line && line.criterion) : [];
const unweighted = (line) =>
  !line.withheld && Number(line.weight?.forward || 0) === 0 && Number(line.weight?.backward || 0) === 0;
const muted = (text) => <Typography.Text type="secondary">{text}</Typography.Text>;
const fit = (line, side) =>
  line.withheld ? muted(say('不显示', 'withheld')) : unweighted(line) ? muted('—') : `${line[side]}%`;
const columns = [
  { title: say('条件', 'Criterion'), dataIndex: 'title' },
  { title: say('对方符合会员的要求', 'Candidate fits her wish'), render: (_, line) => fit(line, 'forward') },
  { title: say('会员符合对方的要求', 'She fits his wish'), render: (_, line) => fit(line, 'backward') },
  {
    title: say('权重（会员 / 对方）', 'Weight (hers / his)'),
    render: (_, line) =>
      line.withheld
        ? muted(say('未计入', 'not counted'))
        : unweighted(line)
          ? muted(say('不计权重', 'not weighted'))
          : `${line.weight.forward} / ${line.weight.backward}`,
  },
];
ctx.render(
  lines.length ? (
    <Table rowKey="criterion" size="small" pagination={false} dataSource={lines} columns={columns} />
  ) : (
    muted(say('无明细', 'no details'))
  ),
);
