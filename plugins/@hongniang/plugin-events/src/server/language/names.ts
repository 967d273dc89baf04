// How records are named in messages: a member by name and member number, an event by its title.
import { Language } from '@hongniang/plugin-core';

/** 王芳（HN000012） in Chinese, 王芳 (HN000012) in English; never the internal id alone unless she has no name. */
export const memberNamed = (member: { id?: unknown; name?: unknown; memberNo?: unknown }, language: Language) => {
  const name = String(member.name ?? member.id ?? '');
  if (!member.memberNo) return name;
  return language.locale.startsWith('en') ? `${name} (${member.memberNo})` : `${name}（${member.memberNo}）`;
};

/** 「读书沙龙」 in Chinese, "Book salon" in English. */
export const eventNamed = (event: { title?: unknown }, language: Language) =>
  language.locale.startsWith('en') ? `"${event.title ?? ''}"` : `「${event.title ?? ''}」`;
