// NocoBase refuses an update or delete that names no record ("filter or filterByTk is required") with a plain Error,
// which its error handler answers as 500. It is the caller's mistake: answer 400, in her language, naming what is missing.
import { Application } from '@nocobase/server';

const MISSING_TARGET = /^to do (\w+) action, filter or filterByTk is required$|^Invalid filter: /;

export function answerMissingTargetAs400(app: Application) {
  const errorHandler = app.pm.get<any>('error-handler')?.errorHandler;
  errorHandler?.register(
    (error: Error) => MISSING_TARGET.test(error?.message || ''),
    (error: Error, ctx: any) => {
      const english = (ctx.getCurrentLocale?.() || ctx.get?.('x-locale') || 'zh-CN').startsWith('en');
      const action = MISSING_TARGET.exec(error.message)?.[1] || ctx.action?.actionName;
      ctx.status = 400;
      ctx.body = {
        errors: [
          {
            code: 'HONGNIANG_MISSING_TARGET',
            message: english
              ? `Say which records to ${action}: filterByTk (a record's id) or a valid filter is required`
              : `请指明要${action === 'destroy' ? '删除' : '修改'}的记录：需要 filterByTk（记录 ID）或有效的 filter`,
          },
        ],
      };
    },
  );
}
