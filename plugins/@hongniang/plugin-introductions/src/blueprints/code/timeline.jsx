// 时间线 / Timeline: in a member's popup, what happened to her, newest first: match suggestions, introductions (each
// stage change and each answer recorded), when a side was asked, and — when the agency has them — dates and date feedback.
// Everything is read through the ordinary list actions as the signed-in user, so the server's scopes and field privacy
// apply: what her role may not read is left out (a refused list is skipped), never worked around.
const { Empty, Spin, Timeline, Typography } = ctx.libs.antd;
const { React } = ctx.libs;
const zh = !String(ctx.i18n?.language || 'zh-CN').startsWith('en');
const say = (chinese, english) => (zh ? chinese : english);

/** Whether this installation has the collection (dates and feedback come with their own plugin). */
const has = (name) => !!ctx.dataSourceManager?.getCollection?.('main', name);
/** An option's label as the collection defines it (stages, answers, statuses…), else the stored value. */
const labelOf = (collection, field, value) => {
  if (value == null || value === '') return '';
  const options = ctx.dataSourceManager?.getCollectionField?.(`main.${collection}.${field}`)?.uiSchema?.enum || [];
  const option = options.find((item) => String(item.value) === String(value));
  return option ? (ctx.t?.(option.label) ?? option.label) : String(value);
};
const labelsOf = (collection, field, values) =>
  (Array.isArray(values) ? values : [values]).map((value) => labelOf(collection, field, value)).join('、');

// may(resource, action), from roles:check: a role without the right (the front desk) makes no refused request at all.
// @include may

/** Rows of a list as the signed-in user may read them, or null when her role may not (the section is then skipped). */
async function list(resource, params) {
  if (!has(resource) || !(await may(resource, 'list'))) return null;
  try {
    const response = await ctx.request({
      url: `${resource}:list`,
      method: 'get',
      params: { pageSize: 200, ...params },
      skipNotify: true,
    });
    return response.data?.data || [];
  } catch {
    return null;
  }
}

/**
 * Her events, newest first, as [{ at: Date, color, title, detail }]: read after the block is drawn (NocoBase's JS
 * runner ends code still running after 5 s with "Execution timed out"; on a busy server these reads take longer).
 */
async function collectEvents() {
  const memberId =
    (await ctx.getVar?.('ctx.popup.record.id').catch(() => undefined)) ??
    ctx.view?.inputArgs?.filterByTk ??
    ctx.record?.id;
  const name = (member) => member?.name ?? (member?.id != null ? `#${member.id}` : '—');
  const other = (row, a, b) => (String(row[`${a}Id`] ?? row[a]?.id) === String(memberId) ? row[b] : row[a]);
  const events = [];
  const add = (at, color, title, ...details) =>
    at && events.push({ at: new Date(at), color, title, detail: details.filter(Boolean).join(' · ') });

  const [suggestions, introductions] = await Promise.all([
    list('matchSuggestions', {
      filter: { $or: [{ memberId }, { candidateId: memberId }] },
      appends: ['member', 'candidate'],
      sort: ['-createdAt'],
    }),
    list('introductions', {
      filter: { $or: [{ memberAId: memberId }, { memberBId: memberId }] },
      appends: ['memberA', 'memberB'],
    }),
  ]);
  for (const row of suggestions || []) {
    add(
      row.createdAt,
      'gray',
      say(`推荐：${name(other(row, 'member', 'candidate'))}`, `Suggested: ${name(other(row, 'member', 'candidate'))}`),
      row.score != null ? say(`匹配度 ${row.score}`, `score ${row.score}`) : '',
      labelOf('matchSuggestions', 'status', row.status),
    );
  }

  const introductionIds = (introductions || []).map((row) => row.id);
  const partnerOf = Object.fromEntries(
    (introductions || []).map((row) => [row.id, name(other(row, 'memberA', 'memberB'))]),
  );
  if (introductionIds.length) {
    const [history, consents] = await Promise.all([
      list('introductionStageChanges', {
        filter: { introductionId: { $in: introductionIds } },
        appends: ['member', 'changedBy'],
      }),
      list('introductionConsents', { filter: { introductionId: { $in: introductionIds } }, appends: ['member'] }),
    ]);
    for (const row of history || []) {
      const partner = partnerOf[row.introductionId];
      if (row.event === 'consent') {
        add(
          row.changedAt,
          row.answer === 'declined' ? 'red' : 'green',
          say(
            `牵线（与 ${partner}）：${name(row.member)} ${labelOf('introductionStageChanges', 'answer', row.answer)}`,
            `Introduction (with ${partner}): ${name(row.member)} ${labelOf('introductionStageChanges', 'answer', row.answer)}`,
          ),
          row.note,
          row.changedBy?.nickname,
        );
      } else {
        const to = labelOf('introductionStageChanges', 'toStage', row.toStage);
        add(
          row.changedAt,
          row.toStage === 'ended' ? 'red' : 'blue',
          row.fromStage
            ? say(`牵线（与 ${partner}）：${to}`, `Introduction (with ${partner}): ${to}`)
            : say(`发起牵线：与 ${partner}`, `Introduction started with ${partner}`),
          row.note,
          row.changedBy?.nickname,
        );
      }
    }
    for (const row of consents || []) {
      add(
        row.askedAt,
        'gray',
        say(
          `询问 ${name(row.member)} 的意愿（与 ${partnerOf[row.introductionId]}）`,
          `Asked ${name(row.member)} (introduction with ${partnerOf[row.introductionId]})`,
        ),
        labelOf('introductionConsents', 'channel', row.channel),
      );
    }
  }

  // Dates and feedback: present once the agency has them (their plugin); skipped otherwise.
  const dates = await list('dates', {
    filter: { $or: [{ memberAId: memberId }, { memberBId: memberId }] },
    appends: ['memberA', 'memberB'],
  });
  for (const row of dates || []) {
    add(
      row.startsAt,
      'purple',
      say(`约会：与 ${name(other(row, 'memberA', 'memberB'))}`, `Date with ${name(other(row, 'memberA', 'memberB'))}`),
      labelOf('dates', 'status', row.status),
      row.place,
    );
  }
  const dateIds = (dates || []).map((row) => row.id);
  const feedback = dateIds.length
    ? await list('dateFeedback', { filter: { dateId: { $in: dateIds } }, appends: ['member'] })
    : null;
  for (const row of feedback || []) {
    add(
      row.createdAt,
      row.wantsToContinue === 'no' ? 'red' : 'purple',
      say(`约会反馈：${name(row.member)}`, `Date feedback: ${name(row.member)}`),
      row.satisfaction != null ? say(`满意度 ${row.satisfaction}`, `satisfaction ${row.satisfaction}`) : '',
      labelOf('dateFeedback', 'wantsToContinue', row.wantsToContinue),
      row.reasons ? labelsOf('dateFeedback', 'reasons', row.reasons) : '',
    );
  }
  return events.sort((x, y) => y.at - x.at);
}

const when = (at) => at.toLocaleString(zh ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
const draw = (events) =>
  ctx.render(
    events.length ? (
      <Timeline
        items={events.map((event) => ({
          color: event.color,
          children: (
            <div>
              <Typography.Text type="secondary">{when(event.at)}</Typography.Text>{' '}
              <Typography.Text>{event.title}</Typography.Text>
              {event.detail ? (
                <div>
                  <Typography.Text type="secondary">{event.detail}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        }))}
      />
    ) : (
      <Empty description={say('还没有推荐或牵线', 'No suggestions or introductions yet')} />
    ),
  );

ctx.render(<Spin size="small" />);
// Not awaited: the reads go on after the runner's limit; a failure says so instead of a spinner forever.
collectEvents().then(draw, () =>
  ctx.render(
    <Empty description={say('时间线读取失败，请刷新重试', 'The timeline could not be read; refresh to retry')} />,
  ),
);
